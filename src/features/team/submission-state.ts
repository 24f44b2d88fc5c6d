// A submission's state as the team member reads it (issue 15): waiting to send, sent, received
// with its official code, asked for papers (which), or refused (why), from the row pull keeps current.
import { readDossierData, type DossierRow } from '../../db';

export type SubmissionState =
  | { kind: 'waiting' }
  | { kind: 'sent' }
  | { kind: 'quarantined' }
  | { kind: 'received'; code: string }
  | { kind: 'supplement'; what: string }
  | { kind: 'refused'; why: string };

/** The last note the log keeps for a move to `status` (the desk's words for a refusal or a request). */
function noteFor(row: DossierRow, status: number): string {
  const log = readDossierData(row).state.log;
  for (let i = log.length - 1; i >= 0; i--) if (log[i]!.to === status && log[i]!.note) return log[i]!.note!;
  return '';
}

export function submissionState(row: DossierRow): SubmissionState {
  if (row.syncState === 'rejected') return { kind: 'quarantined' };
  if (row.status === 3) return { kind: 'refused', why: readDossierData(row).refusalReason ?? noteFor(row, 3) };
  if (row.status === 5) {
    const items = readDossierData(row).supplement?.items ?? [];
    return { kind: 'supplement', what: items.length > 0 ? items.map((i) => i.name).join('; ') : noteFor(row, 5) };
  }
  // Received: the gateway's row carries the official code in `code` in place of the lookup code.
  if (row.status !== 1) return { kind: 'received', code: row.code };
  return row.syncState === 'accepted' ? { kind: 'sent' } : { kind: 'waiting' };
}
