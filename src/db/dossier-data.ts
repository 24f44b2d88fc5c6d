// What a dossier row carries in `data` (DossierData): the intake as received, a snapshot of its
// procedure, fees, its state-machine state, the commune and officer of the receipt, and what the
// desk adds later (the Mẫu 02 request, the rating, the timing class at return). Shared by intake
// and the dossier desk, so it lives below both. Rows that came from sync may have JSON dates:
// readDossierState revives them.
import type { Procedure } from '../domain/catalogue';
import type { DossierLogEntry, DossierState, DossierStatusCode, FinishedTiming } from '../domain/dossier';
import type { IntakeDraftData } from '../domain/intake';
import type { FeeQuote } from '../domain/payment';
import type { SatisfactionValue } from '../domain/satisfaction';
import type { CommuneInfo } from './device';
import type { DossierRow } from './rows';
import type { DeskProfile } from './settings';

/** One line of Phiếu yêu cầu bổ sung (Mẫu 02): what is missing and why. */
export interface SupplementItem {
  name: string;
  reason: string;
}

/** The one supplement request a dossier may get, as printed on Mẫu 02. */
export interface SupplementRecord {
  items: SupplementItem[];
  requestedAt: string; // ISO instant
  officer: DeskProfile;
}

/** The citizen's rating at return (DOMAIN.md §11), as stored. */
export interface StoredRating {
  value: SatisfactionValue;
  reason?: string;
  at: string; // ISO instant
}

export interface DossierData {
  intake: IntakeDraftData;
  procedure: Pick<Procedure, 'code' | 'name' | 'field' | 'processingText' | 'components'>;
  fees: FeeQuote;
  state: DossierState;
  commune: CommuneInfo;
  officer: DeskProfile;
  refusalReason?: string;
  /** KenhThucHien; absent on desk receipts (direct). */
  channel?: 'direct' | 'online';
  supplement?: SupplementRecord;
  rating?: StoredRating;
  /** Trước hạn / đúng hạn / quá hạn, fixed when the result was returned. */
  timing?: FinishedTiming;
}

/** Attachment rows of a dossier's result paper(s) use this component index (results are not components). */
export const RESULT_COMPONENT_INDEX = -1;

/**
 * Attachment rows of the papers brought back for a supplement request (hồ sơ bổ sung) use
 * -2 - n for line n of Mẫu 02: like results they are not components of the procedure, and each
 * line keeps its own PDF.
 */
export function supplementComponentIndex(item: number): number {
  return -2 - item;
}

/** The line of Mẫu 02 an attachment's component index stands for, or null if it is no supplement paper. */
export function supplementItemOf(componentIndex: number): number | null {
  return componentIndex <= -2 ? -2 - componentIndex : null;
}

const toDate = (v: unknown): Date | null => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
};

function reviveLog(raw: unknown): DossierLogEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e: Partial<Record<keyof DossierLogEntry, unknown>>) => {
    const at = toDate(e.at);
    if (!at) return [];
    const entry = { ...(e as DossierLogEntry), at };
    const before = toDate(e.appointmentBefore);
    const after = toDate(e.appointmentAfter);
    if (before) entry.appointmentBefore = before;
    if (after) entry.appointmentAfter = after;
    return [entry];
  });
}

/**
 * The state-machine state of a stored dossier, dates as Date. A row without a usable state (an
 * older or foreign record) gets one rebuilt from its indexed fields, so the desk can still act on it.
 */
export function readDossierState(row: DossierRow): DossierState {
  const raw = (row.data as { state?: Partial<Record<keyof DossierState, unknown>> } | undefined)?.state;
  const status = row.status as DossierStatusCode;
  if (!raw || typeof raw !== 'object') {
    const received = status === 1 || status === 3 ? null : toDate(row.receivedAt);
    return {
      status,
      appointmentAt: received ? toDate(row.dueAt) : null,
      supplementRequests: 0,
      pausedAt: null,
      receivedAt: received,
      resultReadyAt: null,
      returnedAt: null,
      log: [],
    };
  }
  return {
    // The indexed status is the one lists and sync agree on; the state follows it.
    status,
    appointmentAt: toDate(raw.appointmentAt),
    supplementRequests: typeof raw.supplementRequests === 'number' ? raw.supplementRequests : 0,
    pausedAt: toDate(raw.pausedAt),
    receivedAt: toDate(raw.receivedAt),
    resultReadyAt: toDate(raw.resultReadyAt),
    returnedAt: toDate(raw.returnedAt),
    log: reviveLog(raw.log),
  };
}

/** How the gateway keeps a rating (server/sync/kinds/rate.ts): beside the data, named `satisfaction`. */
interface GatewaySatisfaction {
  rating?: unknown;
  reason?: unknown;
  at?: unknown;
}

function gatewayRating(row: DossierRow): StoredRating | undefined {
  const s = (row as DossierRow & { satisfaction?: GatewaySatisfaction }).satisfaction;
  if (!s || (s.rating !== 'veryGood' && s.rating !== 'good' && s.rating !== 'bad') || typeof s.at !== 'string') return undefined;
  return { value: s.rating, at: s.at, ...(typeof s.reason === 'string' && s.reason ? { reason: s.reason } : {}) };
}

/** How the gateway keeps a supplement request (server/sync/kinds/transition.ts): beside the data, named `supplementRequest`. */
interface GatewaySupplementRequest {
  items?: unknown;
  requestedAt?: unknown;
  officerName?: unknown;
  officerPhone?: unknown;
}

const isItem = (v: unknown): v is SupplementItem =>
  typeof v === 'object' && v !== null && typeof (v as SupplementItem).name === 'string' && typeof (v as SupplementItem).reason === 'string';

/** The request as another desk made it, or undefined when the gateway holds no lines for it. */
function gatewaySupplement(row: DossierRow): SupplementRecord | undefined {
  const s = (row as DossierRow & { supplementRequest?: GatewaySupplementRequest }).supplementRequest;
  if (!s || !Array.isArray(s.items) || s.items.length === 0 || !s.items.every(isItem) || typeof s.requestedAt !== 'string') return undefined;
  return {
    items: s.items.map((i) => ({ name: i.name, reason: i.reason })),
    requestedAt: s.requestedAt,
    // Who asked and their phone, as the requesting desk sent them (none from apps before the phone travelled).
    officer: {
      officerName: typeof s.officerName === 'string' ? s.officerName : '',
      officerPhone: typeof s.officerPhone === 'string' ? s.officerPhone : '',
    },
  };
}

/**
 * The dossier's data with its state revived; fields intake always writes may be missing on
 * foreign rows. A rating given, or a supplement requested, at another desk arrives by pull in
 * the gateway's shape; this desk's own request (with the officer's phone) comes first.
 */
export function readDossierData(row: DossierRow): Partial<DossierData> & { state: DossierState } {
  const data = (row.data && typeof row.data === 'object' ? row.data : {}) as Partial<DossierData>;
  const rating = data.rating ?? gatewayRating(row);
  const supplement = data.supplement?.items.length ? data.supplement : (gatewaySupplement(row) ?? data.supplement);
  return { ...data, state: readDossierState(row), ...(rating ? { rating } : {}), ...(supplement ? { supplement } : {}) };
}
