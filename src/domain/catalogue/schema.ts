// The procedure catalogue (danh mục thủ tục hành chính) as it crosses into the app: a
// versioned whole issued by the province, parsed here before anything uses it.
//
// Every message is Vietnamese and names where the problem is, because the person who sees it
// is an administrator loading a file, not a developer reading a stack trace.
import { DURATION_UNITS } from '../calendar/appointment';
import { z } from '../schema';
import { unknownFieldNames } from '../schema/unknown-fields';
import { isProcedureCode } from './code';

type ErrorFn = (issue: { input?: unknown }) => string;

// Missing and wrongly-typed values get different words: "thiếu tên" tells the issuer a key is
// absent; "tên phải là chuỗi chữ" tells them the key is there but holds the wrong thing.
const missingOr =
  (label: string, wrong: string): ErrorFn =>
  (issue) =>
    issue.input === undefined ? `thiếu ${label}` : `${label} ${wrong}`;

const text = (label: string) =>
  z.string({ error: missingOr(label, 'phải là chuỗi chữ') }).refine((value) => value.trim().length > 0, { error: `${label} để trống` });

const count = (label: string) => z.int({ error: missingOr(label, 'phải là số nguyên không âm') }).min(0, { error: `${label} phải là số nguyên không âm` });

// Processing times may be fractions of a day (hours are counted as 1/8 day), so not int().
const days = (label: string) => z.number({ error: missingOr(label, 'phải là số ngày (số không âm)') }).min(0, { error: `${label} không được âm` });

// Strict objects: a field the catalogue format does not know is refused with its name, not
// dropped. The province then learns its file says something the app will not keep (a misspelt
// "requried" would otherwise make a required paper optional without a word), and nothing unknown
// is stored or sent on to every device.
const objectOf =
  (what: string): ErrorFn =>
  (issue) =>
    'keys' in issue && Array.isArray(issue.keys) ? `có trường lạ ${unknownFieldNames(issue.keys as string[], 5)} (không có trong mẫu danh mục)` : what;

const flag = (label: string) => z.boolean({ error: missingOr(label, 'phải là true hoặc false') });

const textList = (label: string) => z.array(z.string({ error: 'phải là chuỗi chữ' }), { error: missingOr(label, 'phải là một danh sách') });

const procedureCode = z.string({ error: missingOr('mã thủ tục', 'phải là chuỗi chữ') }).superRefine((code, ctx) => {
  if (!isProcedureCode(code)) {
    ctx.addIssue({
      code: 'custom',
      message: `mã thủ tục "${code}" sai định dạng (đúng: 1.001193 hoặc 1.001193.000.00.00.H56)`,
    });
  }
});

/** One paper of the dossier (thành phần hồ sơ) and how many of it the desk receives. */
export const ProcedureComponentSchema = z.strictObject(
  {
    name: text('tên giấy tờ'),
    /** Originals (bản chính). */
    original: count('số bản chính').optional(),
    /** Certified copies or photocopies (bản sao). */
    copies: count('số bản sao').optional(),
    required: flag('cờ bắt buộc (required)'),
    /** Shown to the officer and handed back (xuất trình), not kept in the dossier. */
    presentOnly: flag('cờ chỉ xuất trình (presentOnly)').optional(),
    /** When a conditional paper is needed, in the officer's words. */
    condition: text('điều kiện').optional(),
    /** A best guess in the research data, to be confirmed by the province's catalogue. */
    inferred: flag('đánh dấu suy đoán (inferred)').optional(),
  },
  { error: objectOf('không phải là một đối tượng') },
);

/** A procedure (thủ tục hành chính) as the province publishes it. */
export const ProcedureSchema = z
  .strictObject(
    {
      code: procedureCode,
      name: text('tên'),
      /** Lĩnh vực: Hộ tịch, Chứng thực, ... */
      field: text('lĩnh vực'),
      /** Cấp thực hiện, as published ("Cấp xã ..."). */
      level: text('cấp thực hiện').optional(),
      /** Statutory time in the unit of `countedIn`; 0 = same day; null = not published. */
      processingDays: days('thời hạn giải quyết (processingDays)').nullable(),
      /**
       * The unit the time counts in: working days (absent: the usual case) or calendar days, as a
       * law says "15 ngày" rather than "15 ngày làm việc". Calendar days are whole days.
       */
      countedIn: z
        .enum(DURATION_UNITS, { error: missingOr('đơn vị thời hạn (countedIn)', 'phải là "workingDays" (ngày làm việc) hoặc "calendarDays" (ngày theo lịch)') })
        .optional(),
      /** Extra working days allowed when verification is needed. */
      extensionDays: days('thời gian gia hạn (extensionDays)').optional(),
      /** The published wording of the time limit. Absent in part of the research data. */
      processingText: text('mô tả thời hạn').optional(),
      /** Fee wording (phí, lệ phí); null where the research found none. Fees are provincial data. */
      fee: z.string({ error: missingOr('phí, lệ phí (fee)', 'phải là chuỗi chữ hoặc null') }).nullable(),
      /** Eligibility conditions (yêu cầu, điều kiện thực hiện), when published. */
      conditions: text('điều kiện thực hiện').optional(),
      components: z.array(ProcedureComponentSchema, {
        error: missingOr('thành phần hồ sơ (components)', 'phải là một danh sách'),
      }),
      legalBasis: textList('căn cứ pháp lý (legalBasis)'),
      source: textList('nguồn (source)'),
      inferred: flag('đánh dấu suy đoán (inferred)').optional(),
      /** Which fields are guesses, in the researcher's words. */
      inferredFields: textList('danh sách trường suy đoán (inferredFields)').optional(),
      /** Structured fee rule, defined by a later issue; carried through untouched until then. */
      feeRule: z.unknown().optional(),
    },
    { error: objectOf('không phải là một đối tượng') },
  )
  .superRefine((procedure, ctx) => {
    // Hours exist only in working time: half a calendar day has no meaning for a deadline.
    if (procedure.countedIn === 'calendarDays' && procedure.processingDays !== null && !Number.isInteger(procedure.processingDays)) {
      ctx.addIssue({ code: 'custom', path: ['processingDays'], message: 'thời hạn tính theo ngày lịch (calendarDays) phải là số ngày nguyên' });
    }
  });

// Zod's pattern also knows month lengths and leap years (2026-02-29 is refused). A time
// without an offset is refused: "00:00" of which zone is exactly the ambiguity to avoid.
const issuedAt = z.iso.datetime({
  offset: true,
  error: (issue) =>
    issue.input === undefined
      ? 'thiếu ngày ban hành (issuedAt)'
      : 'ngày ban hành (issuedAt) phải là ngày giờ có thật theo ISO 8601, có múi giờ, ví dụ 2026-11-01T00:00:00+07:00',
});

export const CatalogueSchema = z.strictObject(
  {
    /** Increases with every issue; the app replaces its catalogue only by a higher one. */
    version: z
      .int({ error: missingOr('số phiên bản (version)', 'phải là số nguyên dương') })
      .min(1, { error: 'số phiên bản (version) phải là số nguyên dương' }),
    issuedAt,
    procedures: z
      .array(ProcedureSchema, { error: missingOr('danh sách thủ tục (procedures)', 'phải là một danh sách') })
      .min(1, { error: 'danh sách thủ tục (procedures) rỗng' })
      .superRefine((procedures, ctx) => {
        const firstIndex = new Map<string, number>();
        procedures.forEach((procedure, index) => {
          const earlier = firstIndex.get(procedure.code);
          if (earlier === undefined) firstIndex.set(procedure.code, index);
          else
            ctx.addIssue({
              code: 'custom',
              path: [index, 'code'],
              message: `trùng mã ${procedure.code} với thủ tục thứ ${earlier + 1}`,
            });
        });
      }),
  },
  { error: objectOf('dữ liệu không phải là một đối tượng JSON') },
);

export type ProcedureComponent = z.infer<typeof ProcedureComponentSchema>;
export type Procedure = z.infer<typeof ProcedureSchema>;
export type Catalogue = z.infer<typeof CatalogueSchema>;

export type CatalogueParseResult = { ok: true; value: Catalogue } | { ok: false; message: string; problems: string[] };

/** How many problems the one-line message names; the full list is in `problems`. */
const PROBLEMS_IN_MESSAGE = 3;

/** Parse anything (a JSON body, an imported file) into a catalogue, or say what is wrong. */
export function parseCatalogue(input: unknown): CatalogueParseResult {
  const parsed = CatalogueSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => describeIssue(issue.path, issue.message, input));
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).join('; ');
  const more = problems.length > PROBLEMS_IN_MESSAGE ? ` (và ${problems.length - PROBLEMS_IN_MESSAGE} lỗi khác)` : '';
  return { ok: false, message: `Danh mục không hợp lệ: ${shown}${more}`, problems };
}

/**
 * Whether `candidate` should replace `current`. Only the version decides: an issue date can
 * be corrected, and an equal version is the same issue (re-applying it would be a no-op).
 */
export function isNewerCatalogue(current: Pick<Catalogue, 'version'> | null | undefined, candidate: Pick<Catalogue, 'version'>): boolean {
  return current == null || candidate.version > current.version;
}

// Names of list items, so a path reads "thủ tục thứ 3 (1.001193), thành phần hồ sơ thứ 2".
const ITEM_NAMES: Readonly<Record<string, string>> = {
  procedures: 'thủ tục',
  components: 'thành phần hồ sơ',
  legalBasis: 'căn cứ pháp lý',
  source: 'nguồn',
  inferredFields: 'trường suy đoán',
};

function describeIssue(path: readonly PropertyKey[], message: string, input: unknown): string {
  const places: string[] = [];
  let node: unknown = input;
  path.forEach((key, i) => {
    const next = path[i + 1];
    if (typeof key === 'string' && typeof next === 'number') {
      const noun = ITEM_NAMES[key] ?? key;
      const item: unknown = (node as Record<string, unknown[]> | undefined)?.[key]?.[next];
      // The code helps find the procedure in the file, unless the code is what is wrong.
      const code = key === 'procedures' && path[i + 2] !== 'code' ? codeOf(item) : undefined;
      places.push(`${noun} thứ ${next + 1}${code ? ` (${code})` : ''}`);
    }
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  });
  return places.length > 0 ? `${places.join(', ')} ${message}` : message;
}

function codeOf(item: unknown): string | undefined {
  return isRecord(item) && typeof item.code === 'string' && item.code.trim() ? item.code : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
