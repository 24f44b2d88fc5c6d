// A dossier as the gateway hands it out by pull (its StoredDossier: the app's DossierRow without
// syncState, dates as ISO text), and how it becomes the device's row and processing-log rows.
import type { AttachmentRow, DossierChangedBy, DossierRow, ProcessingLogRow } from './schema';

/** One entry of the state's log as JSON (src/domain/dossier DossierLogEntry with `at` as text). */
export interface PulledLogEntry {
  who: string;
  role: string;
  at: string;
  action: string;
  from: number | null;
  to: number;
  note?: string;
  [key: string]: unknown;
}

/**
 * The row's own fields as the gateway keeps them, its state (with the log) inside `data`. A
 * community team's submission not yet received (issue 15) comes without code, receivedAt and
 * dueAt, and with its tracking slip's lookupCode and submittedAt (server/sync/kinds/submission.ts).
 */
export type PulledDossier = Pick<
  DossierRow,
  'id' | 'provisionalCode' | 'status' | 'procedureCode' | 'procedureName' | 'field' | 'catalogueVersion' | 'applicantName' | 'applicantIdNumber' | 'updatedAt'
> &
  Partial<Pick<DossierRow, 'code' | 'receivedAt' | 'dueAt'>> & {
    lookupCode?: string;
    submittedAt?: string;
  } & {
    data: { state: { log: PulledLogEntry[]; [key: string]: unknown }; [key: string]: unknown };
    [key: string]: unknown;
  };

/** A paper a pulled dossier names, as the device that made it sent it. */
export interface PulledPaper {
  componentIndex: number;
  sha256: string;
  name: string;
  type: string;
  size: number;
}

/**
 * The attachment rows a pulled dossier's papers need on this device, beside those it has: one per
 * paper, in the order sent, with an id made from the dossier, component and hash, so a page pulled
 * again adds nothing. The file rows are not made: the bytes come when the paper is opened.
 */
export function missingPaperRows(dossierId: string, papers: readonly PulledPaper[], have: readonly AttachmentRow[]): AttachmentRow[] {
  const ids = new Set(have.map((a) => a.id));
  return papers
    .map((p, order) => ({
      id: `${dossierId}:${p.componentIndex}:${p.sha256}`,
      ownerId: dossierId,
      componentIndex: p.componentIndex,
      order,
      sha256: p.sha256,
      name: p.name,
      type: p.type,
      size: p.size,
    }))
    .filter((row) => !ids.has(row.id));
}

/** Who made the change, as the gateway names them. */
export interface PulledAuthor {
  deviceId: string | null;
  staffId: string | null;
  name: string | null;
  kind: string;
}

/**
 * The device's row after the pull: the gateway's fields win; what only the device keeps stays
 * (data the gateway does not carry, such as the Mẫu 02 lines and the timing class; derived index
 * fields are recomputed on write anyway). Nothing waits in the outbox for it, so it is synced.
 * `changedBy` names the author only when the change came from elsewhere: the echo of this
 * device's own change clears it, so the page never credits an older change from elsewhere.
 */
export function pulledRow(local: DossierRow | undefined, pulled: PulledDossier, version: number, author: PulledAuthor, fromElsewhere: boolean): DossierRow {
  const { syncState: _deviceOnly, data, ...fields } = pulled;
  const localData = local?.data && typeof local.data === 'object' ? (local.data as Record<string, unknown>) : {};
  const { changedBy: _previous, ...kept } = local ?? ({} as Partial<DossierRow>);
  const changedBy: DossierChangedBy | undefined = fromElsewhere
    ? { name: author.name, deviceId: author.deviceId, staffId: author.staffId, kind: author.kind, at: pulled.updatedAt }
    : undefined;
  // Until a desk receives a team's submission, its lookup code and time of submission stand for
  // the code and the receipt the device's row (and its indexes) need; the gateway's own win after.
  const since = fields.submittedAt ?? fields.updatedAt;
  return {
    ...kept,
    ...fields,
    code: fields.code ?? fields.lookupCode ?? fields.id,
    receivedAt: fields.receivedAt ?? since,
    dueAt: fields.dueAt ?? since,
    data: { ...localData, ...data },
    syncState: 'accepted',
    serverVersion: version,
    ...(changedBy ? { changedBy } : {}),
  };
}

/** One move of a dossier: its instant and action (two lines alike in both are the same move, wherever they came from). */
export const logKey = (at: string, action: string) => `${new Date(at).toISOString()}|${action}`;

/** Log entries the gateway's dossier carries that the device's processingLog lacks (same instant and action = same move). */
export function missingLogRows(pulled: PulledDossier, existing: readonly ProcessingLogRow[]): Omit<ProcessingLogRow, 'id'>[] {
  const have = new Set(existing.map((r) => logKey(r.at, r.action)));
  return pulled.data.state.log
    .filter((e) => !have.has(logKey(e.at, e.action)))
    .map((e) => ({
      dossierId: pulled.id,
      at: new Date(e.at).toISOString(),
      who: e.who,
      role: e.role,
      action: e.action,
      fromStatus: e.from,
      toStatus: e.to,
      ...(e.note ? { note: e.note } : {}),
    }));
}
