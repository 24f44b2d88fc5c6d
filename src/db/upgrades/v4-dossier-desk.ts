// FROZEN: the content upgrade of schema v4 (the dossier desk), exactly as v4 was released. It must
// never change, and it imports no living code (no domain rule, no src/db helper), so a later change
// to the search words, the report facts or the status sets cannot change what upgrading an old
// device to v4 writes. A later schema that needs different derived data adds its own upgrade (with
// its own frozen module) that rewrites it. Rows here are read in their v3 shape, written in v4's.
import type { Transaction } from 'dexie';

/** v3 dossier row as stored (data is the app's DossierData of that time, or anything foreign). */
interface V3Dossier {
  id: string;
  code: string;
  provisionalCode?: string;
  status: number;
  procedureCode: string;
  procedureName: string;
  field: string;
  applicantName: string;
  applicantIdNumber: string;
  receivedAt: string;
  dueAt: string;
  data: unknown;
  updatedAt: string;
  searchWords?: string[];
  openDueAt?: string;
}

interface V3Attachment {
  ownerId: string;
  componentIndex: number;
}

interface V4Facts {
  id: string;
  activeUntil: string;
  receivedAt: string;
  activeMonths: string[];
  code: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  applicantName: string;
  channel: 'direct' | 'online';
  status: number;
  received: number | null;
  appointment: number | null;
  resultReady: number | null;
  returned: number | null;
  refused: number | null;
  closedWithoutResult: number | null;
  supplementRequested: number | null;
  paused: number | null;
  rating: 'veryGood' | 'good' | 'bad' | null;
  ratingAt: number | null;
  ratingReason?: string;
  components: number[];
  attached: number[];
}

// ---- v4's status sets, Vietnam month and rating values ----
const FINAL = [3, 7, 8, 10];
const RUNNING = [2, 4];
const RATINGS = ['veryGood', 'good', 'bad'];
const OPEN_END = '9999-12-31T23:59:59.999Z';
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** YYYY-MM in Vietnam (UTC+7, no daylight saving). */
function vnMonth(instant: number): string {
  const d = new Date(instant + VIETNAM_OFFSET_MS);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthsBetween(from: number, to: number): string[] {
  const months: string[] = [];
  let month = vnMonth(from);
  const last = vnMonth(Math.max(from, to));
  for (let i = 0; i < 1200 && month <= last; i++) {
    months.push(month);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}

// ---- v4's search words ----
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase();

function codeWords(code: string | undefined): string[] {
  if (!code) return [];
  const folded = code.toLowerCase();
  const parts = folded.split('-');
  const tail = parts.length >= 2 ? parts.slice(-2).join('-') : undefined;
  return [folded, ...(tail ? [tail, parts[parts.length - 1]!] : [])];
}

function indexFields(row: V3Dossier): { searchWords: string[]; openDueAt?: string } {
  const nameWords = fold((row.applicantName ?? '').normalize('NFC')).split(/[^\p{L}\p{N}]+/u);
  const words = new Set(
    [...nameWords, (row.applicantIdNumber ?? '').trim(), ...codeWords(row.code), ...codeWords(row.provisionalCode)].filter((w) => w !== ''),
  );
  const fields: { searchWords: string[]; openDueAt?: string } = { searchWords: [...words] };
  if (RUNNING.includes(row.status) && row.dueAt) fields.openDueAt = row.dueAt;
  return fields;
}

// ---- v4's reading of a stored dossier's data ----
interface LogEntry {
  action: string;
  at: Date;
}

interface State {
  appointmentAt: Date | null;
  pausedAt: Date | null;
  receivedAt: Date | null;
  resultReadyAt: Date | null;
  returnedAt: Date | null;
  log: LogEntry[];
}

interface Rating {
  value: string;
  reason?: string;
  at: string;
}

const toDate = (v: unknown): Date | null => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
};

function readLog(raw: unknown): LogEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e: { action?: unknown; at?: unknown }) => {
    const at = toDate(e.at);
    return at ? [{ ...(e as LogEntry), at }] : [];
  });
}

function readState(row: V3Dossier): State {
  const raw = (row.data as { state?: Record<string, unknown> } | undefined)?.state;
  if (!raw || typeof raw !== 'object') {
    const received = row.status === 1 || row.status === 3 ? null : toDate(row.receivedAt);
    return { appointmentAt: received ? toDate(row.dueAt) : null, pausedAt: null, receivedAt: received, resultReadyAt: null, returnedAt: null, log: [] };
  }
  return {
    appointmentAt: toDate(raw.appointmentAt),
    pausedAt: toDate(raw.pausedAt),
    receivedAt: toDate(raw.receivedAt),
    resultReadyAt: toDate(raw.resultReadyAt),
    returnedAt: toDate(raw.returnedAt),
    log: readLog(raw.log),
  };
}

/** A rating given at another desk arrives in the gateway's shape, beside the data. */
function gatewayRating(row: V3Dossier): Rating | undefined {
  const s = (row as V3Dossier & { satisfaction?: { rating?: unknown; reason?: unknown; at?: unknown } }).satisfaction;
  if (!s || (s.rating !== 'veryGood' && s.rating !== 'good' && s.rating !== 'bad') || typeof s.at !== 'string') return undefined;
  return { value: s.rating, at: s.at, ...(typeof s.reason === 'string' && s.reason ? { reason: s.reason } : {}) };
}

// ---- v4's report facts ----
const ms = (d: Date | null | undefined) => (d ? d.getTime() : null);

function factsOf(row: V3Dossier, attached: Iterable<number>, now: number): V4Facts {
  const data = (row.data && typeof row.data === 'object' ? row.data : {}) as {
    rating?: Rating;
    channel?: 'direct' | 'online';
    intake?: { components?: { index: number; received: boolean; count: number }[] };
  };
  const state = readState(row);
  const status = row.status;
  const lastOf = (action: string) => [...state.log].reverse().find((e) => e.action === action)?.at ?? null;
  const stored = data.rating ?? gatewayRating(row);
  const rating = stored && RATINGS.includes(stored.value) ? stored : undefined;
  const closed = FINAL.includes(status);
  const start = Date.parse(row.receivedAt);
  const until = closed ? Date.parse(row.updatedAt) : Math.max(now, Date.parse(row.updatedAt));
  return {
    id: row.id,
    activeUntil: closed ? row.updatedAt : OPEN_END,
    receivedAt: row.receivedAt,
    activeMonths: Number.isNaN(start) || Number.isNaN(until) ? [] : monthsBetween(start, until),
    code: row.code,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    field: row.field,
    applicantName: row.applicantName,
    channel: data.channel ?? (state.log[0]?.action === 'submit' ? 'online' : 'direct'),
    status,
    received: status === 3 ? null : ms(state.receivedAt),
    appointment: ms(state.appointmentAt),
    resultReady: ms(state.resultReadyAt),
    returned: ms(state.returnedAt),
    refused: status === 3 ? (ms(lastOf('refuse')) ?? Date.parse(row.receivedAt)) : null,
    closedWithoutResult: status === 7 ? ms(lastOf('withdraw')) : status === 8 ? ms(lastOf('stop')) : null,
    supplementRequested: ms(state.log.find((e) => e.action === 'requestSupplement')?.at),
    paused: ms(state.pausedAt),
    rating: (rating?.value as V4Facts['rating']) ?? null,
    ratingAt: rating ? Date.parse(rating.at) : null,
    ...(rating?.reason ? { ratingReason: rating.reason } : {}),
    components: (data.intake?.components ?? []).filter((c) => c.received && c.count > 0).map((c) => c.index),
    attached: [...new Set(attached)].sort((a, b) => a - b),
  };
}

/**
 * v4: each dossier gets its search words and open due time, and a report-facts row
 * (dossierFacts) computed from it and the components its files belong to.
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const attached = new Map<string, number[]>();
  await tx.table('attachments').each((a: V3Attachment) => attached.set(a.ownerId, [...(attached.get(a.ownerId) ?? []), a.componentIndex]));
  const facts: V4Facts[] = [];
  await tx
    .table('dossiers')
    .toCollection()
    .modify((row: V3Dossier) => {
      delete row.openDueAt; // derived afresh: present only while the clock runs
      Object.assign(row, indexFields(row));
      facts.push(factsOf(row, attached.get(row.id) ?? [], Date.now()));
    });
  await tx.table('dossierFacts').bulkPut(facts);
}
