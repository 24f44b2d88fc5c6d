// A dossier being received at the desk (bản nháp hồ sơ): everything the officer has entered so
// far, saved on every change so a closed tab or a crash resumes it where it was.
import type { DurationUnit, ProcessingTime } from '../calendar';
import type { Procedure } from '../catalogue';

export type IntakeStep = 'applicant' | 'components' | 'fees' | 'review';
export const INTAKE_STEPS: readonly IntakeStep[] = ['applicant', 'components', 'fees', 'review'];

/** How a paper was handed in: original (bản chính), certified copy (bản sao chứng thực), photocopy. */
export type ReceivedAs = 'original' | 'certifiedCopy' | 'photocopy';

export interface PersonEntry {
  fullName: string;
  idNumber: string;
  birthDate: string; // ISO yyyy-mm-dd or ''
  sex: '' | 'Nam' | 'Nữ';
  address: string;
  phone: string;
  email: string;
}

export interface ComponentEntry {
  /** Index of the component in the procedure's list (the catalogue version is fixed per draft). */
  index: number;
  received: boolean;
  receivedAs: ReceivedAs;
  count: number;
  /** For a conditional component: the officer says whether its condition applies to this citizen. */
  conditionApplies: boolean;
}

export interface FeeEntry {
  /** Pages per copy and number of copies, for chứng thực bản sao. */
  pages: number;
  copies: number;
  /** Amount typed by the officer where the catalogue has no fee rule (provincial fees). */
  manualAmount: number;
  exemption: string; // an ExemptionReason or ''
  method: 'cash' | 'transfer';
}

export interface IntakeDraftData {
  procedureCode: string;
  catalogueVersion: number;
  applicant: PersonEntry;
  /** Chủ hồ sơ: the person the dossier is about, often the applicant. */
  ownerIsApplicant: boolean;
  owner: PersonEntry;
  components: ComponentEntry[];
  sets: number;
  /**
   * Statutory processing time in working days (0 = same day). From the catalogue; where the
   * catalogue does not know it (null), the officer enters it from the province's published list.
   */
  processingDays: number | null;
  /** The unit processingDays counts in, from the catalogue; absent in drafts made before it was kept (working days). */
  countedIn?: DurationUnit;
  fees: FeeEntry;
  note: string;
}

export const emptyPerson: PersonEntry = { fullName: '', idNumber: '', birthDate: '', sex: '', address: '', phone: '', email: '' };

export function newDraftData(procedure: Procedure, catalogueVersion: number): IntakeDraftData {
  return {
    procedureCode: procedure.code,
    catalogueVersion,
    applicant: { ...emptyPerson },
    ownerIsApplicant: true,
    owner: { ...emptyPerson },
    components: procedure.components.map((c, index) => ({
      index,
      received: false,
      receivedAs: (c.original ?? 0) > 0 ? 'original' : 'photocopy',
      count: Math.max(1, (c.original ?? 0) + (c.copies ?? 0)),
      conditionApplies: false,
    })),
    sets: 1,
    processingDays: procedure.processingDays ?? null,
    countedIn: procedure.countedIn ?? 'workingDays',
    fees: { pages: 1, copies: 1, manualAmount: 0, exemption: '', method: 'cash' },
    note: '',
  };
}

/**
 * The dossier's statutory processing time as the appointment rules take it, in the unit the
 * catalogue counts it in; null while the time is unknown. Intake, the desk and the gateway all
 * compute appointments from this, so "15 ngày" of a calendar-day procedure is never 15 working days.
 */
export function processingTimeOf(data: Pick<IntakeDraftData, 'processingDays' | 'countedIn'>): ProcessingTime | null {
  if (data.processingDays === null || data.processingDays === undefined) return null;
  return { processingDays: data.processingDays, countedIn: data.countedIn ?? 'workingDays' };
}

/** The person the dossier is about (chủ hồ sơ). */
export function dossierOwner(data: IntakeDraftData): PersonEntry {
  return data.ownerIsApplicant ? data.applicant : data.owner;
}
