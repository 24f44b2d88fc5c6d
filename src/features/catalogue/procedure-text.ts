// How a procedure's facts read on screen and on paper: time limits in words, fees split into
// their clauses, which papers are forms, what each paper needs. Pure, so tests pin the wording.
import type { TFunction } from 'i18next';
import type { Procedure, ProcedureComponent } from '../../domain/catalogue';

// Fractions of a day are hours: the catalogue counts a working hour as 1/8 of a working day.
const HOURS_PER_DAY = 8;

export function durationInWords(days: number | null, t: TFunction): string {
  if (days === null) return t('catalogue.time.notPublished');
  if (days === 0) return t('catalogue.time.sameDay');
  let whole = Math.floor(days);
  let hours = Math.round((days - whole) * HOURS_PER_DAY);
  if (hours === HOURS_PER_DAY) {
    whole += 1;
    hours = 0;
  }
  if (whole === 0) return t('catalogue.time.hours', { count: hours });
  if (hours === 0) return t('catalogue.time.days', { count: whole });
  return t('catalogue.time.daysHours', { days: whole, hours });
}

/** The statutory time in words (calendar days said as such), with the extension allowed for verification when there is one. */
export function processingTime(procedure: Pick<Procedure, 'processingDays' | 'extensionDays' | 'countedIn'>, t: TFunction): string {
  // The procedure's unit holds for its extension too; a same-day time is the same in either unit.
  const inWords = (days: number | null) =>
    procedure.countedIn === 'calendarDays' && days !== null && days > 0 ? t('catalogue.time.calendarDays', { count: days }) : durationInWords(days, t);
  const base = inWords(procedure.processingDays);
  return procedure.extensionDays ? t('catalogue.time.extension', { time: base, extra: inWords(procedure.extensionDays) }) : base;
}

/** The fee wording split at its clauses ("Miễn lệ phí khi …; bản sao: 8.000 đ/bản"), so exemptions read as items. */
export function feeClauses(fee: string | null): string[] {
  if (fee === null) return [];
  return fee
    .split(/;\s*/)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

const FORM_WORDS = /(^|[^\p{L}])(mẫu|tờ khai)/iu;

/** The papers that are forms to fill in (tờ khai, mẫu số …): the catalogue names them among the components. */
export function formsOf(procedure: Pick<Procedure, 'components'>): ProcedureComponent[] {
  return procedure.components.filter((component) => FORM_WORDS.test(component.name));
}

/** Whether a paper is required, or when it is needed. */
export function componentNeed(component: ProcedureComponent, t: TFunction): string {
  const need = component.required
    ? t('catalogue.procedure.required')
    : component.condition
      ? t('catalogue.procedure.when', { condition: component.condition })
      : t('catalogue.procedure.ifAny');
  return component.presentOnly ? `${need}. ${t('catalogue.procedure.presentOnly')}` : need;
}

/** A count of originals or copies; a dash where the catalogue gives none. */
export function countOf(value: number | undefined): string {
  return value === undefined || value === 0 ? '–' : String(value);
}

/**
 * The procedure for a code from a link or a receipt: exact, or by its national part, the first
 * two dot-separated parts (`1.001193.000.00.00.H56` → `1.001193`, as nationalCode in the domain).
 * Not imported from the domain: its index would bring the schema and zod into the first screen.
 */
export function findProcedure(byCode: ReadonlyMap<string, Procedure>, code: string): Procedure | undefined {
  return byCode.get(code) ?? byCode.get(code.split('.').slice(0, 2).join('.'));
}

/** The fields (lĩnh vực) of a catalogue in Vietnamese alphabetical order, for the filter. */
export function fieldsOf(procedures: readonly Pick<Procedure, 'field'>[]): string[] {
  const collator = new Intl.Collator('vi');
  return [...new Set(procedures.map((p) => p.field))].sort(collator.compare);
}
