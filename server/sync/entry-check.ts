// The first look at a pushed entry, before any database work: can it be stored at all? Text with
// a NUL byte or a lone surrogate, or a payload nested deeper than any real change, makes the
// database (or the hashing) fail the same way on every retry, so such an entry must be refused on
// its own, with a reason the device shows in its quarantine, instead of failing the whole push.
import { entryHash } from './canonical-json';
import { pushEntrySchema, type IncomingEntry, type PushEntry } from './schemas';

/** The app's deepest payload (a dossier's intake components) is 6 levels; far beyond is not a change. */
export const MAX_PAYLOAD_DEPTH = 32;
/** Keys and strings a payload may hold in all, so a walk over it stays cheap. */
const MAX_NODES = 50_000;

export interface CheckedEntry {
  /** What the refusal or acceptance is recorded under: kind and entityId cut and made storable. */
  entry: PushEntry;
  /** Identifies the entry's content, to tell a replay from another change under the same number. */
  hash: string;
  /** Why the entry cannot be taken, or null when its shape may go on to its kind's checks. */
  problem: string | null;
}

// In unicode mode a paired surrogate is one code point, so this matches lone halves only.
const LONE_SURROGATE = /\p{Cs}/u;
// Control characters other than tab, line feed and carriage return; NUL cannot be stored at all.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Why a piece of text cannot be kept, or null. */
export function badTextReason(value: string): string | null {
  if (value.includes('\u0000')) return 'chứa ký tự NUL (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'chứa ký tự Unicode hỏng (nửa cặp surrogate)';
  return null;
}

/** Like badTextReason, and also no control characters at all: for names and identifiers. */
export function badNameReason(value: string): string | null {
  return badTextReason(value) ?? (CONTROL.test(value) ? 'chứa ký tự điều khiển' : null);
}

/** A path for the reason, cut short: the reason is shown on a desk, keys may be anything. */
function where(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'nội dung';
  const shown = path
    .slice(0, 6)
    .map((key) => storable(String(key), 40))
    .join('.');
  return path.length > 6 ? `${shown}…` : shown;
}

interface Finding {
  reason: string;
  /** Too deep or too big: the value cannot even be hashed safely. */
  shape: boolean;
}

/**
 * Walks a JSON value without recursion (so no depth can overflow the stack) and says what in it
 * cannot be stored: too deep, too many parts, bad text in a key or a string, a number that is
 * not finite. Null when it can be stored.
 */
export function unstorableReason(value: unknown): string | null {
  return inspect(value)?.reason ?? null;
}

/** A value met on the walk; its path is kept as a link to its parent, spelled out only for a reason. */
interface Step {
  value: unknown;
  key: string | number | null;
  parent: Step | null;
  depth: number;
}

function pathOf(step: Step): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Step | null = step; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

function inspect(value: unknown): Finding | null {
  const found = (reason: string, shape = false): Finding => ({ reason, shape });
  // Every entry of a push is walked: a step per value, without copying the path at each one.
  const stack: Step[] = [{ value, key: null, parent: null, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const step = stack.pop()!;
    const node = step.value;
    if (++nodes > MAX_NODES) return found(`có quá nhiều trường (hơn ${MAX_NODES})`, true);
    if (typeof node === 'string') {
      const bad = badTextReason(node);
      if (bad) return found(`trường ${where(pathOf(step))} ${bad}`);
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) return found(`trường ${where(pathOf(step))} chứa số quá lớn`);
    } else if (node !== null && typeof node === 'object') {
      if (step.depth >= MAX_PAYLOAD_DEPTH) return found(`lồng nhau quá sâu (hơn ${MAX_PAYLOAD_DEPTH} tầng)`, true);
      const depth = step.depth + 1;
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) stack.push({ value: node[i], key: i, parent: step, depth });
      } else {
        for (const key of Object.keys(node)) {
          const bad = badTextReason(key);
          if (bad) return found(`tên trường ở ${where(pathOf(step))} ${bad}`);
          stack.push({ value: (node as Record<string, unknown>)[key], key, parent: step, depth });
        }
      }
    }
  }
  return null;
}

/** Text cut to `max` and made storable (NUL and broken surrogates become U+FFFD), for the record only. */
function storable(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  return value.slice(0, max).replace(/\p{Cs}|\u0000/gu, '\uFFFD');
}

const UNKNOWN_FIELDS = 'Thay đổi gửi lên có trường lạ ngoài mutation, kind, entityId, payload.';
const NO_KIND = 'Thay đổi gửi lên thiếu loại thay đổi (kind) hoặc mã đối tượng (entityId) hợp lệ.';

/** Checks what every entry must satisfy whatever its kind; the kind's own schema comes after. */
export function checkEntry(raw: IncomingEntry): CheckedEntry {
  const entry: PushEntry = { mutation: raw.mutation, kind: storable(raw.kind, 64), entityId: storable(raw.entityId, 128), payload: raw.payload };
  const payloadFinding = inspect(raw.payload);
  const payloadProblem = payloadFinding?.reason ?? null;
  // A value too deep or too big cannot be hashed safely (the hashing recurses): its refusal is keyed by what can.
  const hashable = (value: unknown, finding = inspect(value)) => (finding?.shape ? { unstorable: finding.reason } : value);
  const hash = entryHash({ kind: hashable(raw.kind), entityId: hashable(raw.entityId), payload: hashable(raw.payload, payloadFinding) });
  const extra = Object.keys(raw).filter((k) => !['mutation', 'kind', 'entityId', 'payload'].includes(k));
  let problem: string | null = null;
  if (extra.length > 0) problem = UNKNOWN_FIELDS;
  else if (!pushEntrySchema.safeParse(raw).success) problem = NO_KIND;
  else {
    const kindBad = badNameReason(raw.kind as string);
    const idBad = badNameReason(raw.entityId as string);
    if (kindBad) problem = `Loại thay đổi (kind) ${kindBad}; thay đổi không được ghi.`;
    else if (idBad) problem = `Mã đối tượng (entityId) ${idBad}; thay đổi không được ghi.`;
    else if (payloadProblem) problem = `Nội dung thay đổi không ghi được: ${payloadProblem}.`;
  }
  return { entry, hash, problem };
}
