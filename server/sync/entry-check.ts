// The first look at a pushed entry, before any database work: can it be stored at all? Text with
// a NUL byte or a lone surrogate, or a payload nested deeper than any real change, makes the
// database (or the hashing) fail the same way on every retry, so such an entry must be refused on
// its own, with a reason the device shows in its quarantine, instead of failing the whole push.
import { entryHash, keyOrderedEntryHash } from './canonical-json';
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

/** String.prototype.isWellFormed (ES2024; Node 20): false when the text holds a lone surrogate half. */
const wellFormed = (value: string) => (value as string & { isWellFormed(): boolean }).isWellFormed();
// Control characters other than tab, line feed and carriage return; NUL cannot be stored at all.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Why a piece of text cannot be kept, or null. */
export function badTextReason(value: string): string | null {
  if (value.includes('\u0000')) return 'chứa ký tự NUL (\\u0000)';
  if (!wellFormed(value)) return 'chứa ký tự Unicode hỏng (nửa cặp surrogate)';
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
  return inspect(value).finding?.reason ?? null;
}

/** An object or array met on the walk; its path is kept as a link to its parent, spelled out only for a reason. */
interface Step {
  value: object;
  key: string | number | null;
  parent: Step | null;
  depth: number;
}

function pathOf(parent: Step | null, key: string | number | null): (string | number)[] {
  const path: (string | number)[] = key === null ? [] : [key];
  for (let at = parent; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

interface Walked {
  /** What cannot be stored (the walk stops at it), or null. */
  finding: Finding | null;
  /** Every object met lists its keys in strictly increasing code-unit order: the hash may take its fast path (canonical-json.ts). */
  keysOrdered: boolean;
}

/** Why a string or number cannot be stored, or null (any other value can). */
function leafProblem(value: unknown): string | null {
  if (typeof value === 'string') return badTextReason(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'chứa số quá lớn';
  return null;
}

const isContainer = (value: unknown): value is object => value !== null && typeof value === 'object';

function inspect(value: unknown): Walked {
  let keysOrdered = true;
  const found = (reason: string, shape = false): Walked => ({ finding: { reason, shape }, keysOrdered });
  if (!isContainer(value)) {
    const bad = leafProblem(value);
    return bad ? found(`trường ${where([])} ${bad}`) : { finding: null, keysOrdered };
  }
  // Every entry of a push is walked: only objects and arrays take a step (and a place on the stack),
  // their strings and numbers are checked in place, and no path is copied unless a reason needs it.
  const stack: Step[] = [{ value, key: null, parent: null, depth: 0 }];
  let nodes = 1;
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.depth >= MAX_PAYLOAD_DEPTH) return found(`lồng nhau quá sâu (hơn ${MAX_PAYLOAD_DEPTH} tầng)`, true);
    const node = step.value as Record<string, unknown> & unknown[];
    const keys = Array.isArray(node) ? null : Object.keys(node);
    const length = keys ? keys.length : node.length;
    for (let i = 0; i < length; i++) {
      let key: string | number = i;
      if (keys) {
        key = keys[i]!;
        if (i > 0 && !(keys[i - 1]! < key)) keysOrdered = false;
        const bad = badTextReason(key);
        if (bad) return found(`tên trường ở ${where(pathOf(step.parent, step.key))} ${bad}`);
      }
      const child = node[key as never] as unknown;
      if (++nodes > MAX_NODES) return found(`có quá nhiều trường (hơn ${MAX_NODES})`, true);
      if (isContainer(child)) {
        stack.push({ value: child, key, parent: step, depth: step.depth + 1 });
      } else {
        const bad = leafProblem(child);
        if (bad) return found(`trường ${where(pathOf(step, key))} ${bad}`);
      }
    }
  }
  return { finding: null, keysOrdered };
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
  const walks = { kind: inspect(raw.kind), entityId: inspect(raw.entityId), payload: inspect(raw.payload) };
  const payloadProblem = walks.payload.finding?.reason ?? null;
  // A value too deep or too big cannot be hashed safely (the hashing recurses): its refusal is keyed by what can.
  const hashable = (value: unknown, walked: Walked) => (walked.finding?.shape ? { unstorable: walked.finding.reason } : value);
  const parts = { kind: hashable(raw.kind, walks.kind), entityId: hashable(raw.entityId, walks.entityId), payload: hashable(raw.payload, walks.payload) };
  // A walk stopped by bad text has not looked at every key: such an entry takes the slow path.
  const ordered = Object.values(walks).every((w) => w.finding?.shape || (w.finding === null && w.keysOrdered));
  const hash = ordered ? keyOrderedEntryHash(parts) : entryHash(parts);
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
