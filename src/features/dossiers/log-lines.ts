// The lines of a dossier's processing log: the log the dossier carries in its state (it travels
// with the row, so moves made at another desk or by the province arrive with a pull) joined with
// the processingLog table (entries written on this device or by sync), each move shown once.
import type { DossierState } from '../../domain/dossier';
import type { ProcessingLogRow } from '../../db';

export interface LogLine {
  at: string;
  who: string;
  role: string;
  action: string;
  toStatus: number;
  note?: string;
}

export function logLines(state: DossierState, rows: readonly ProcessingLogRow[]): LogLine[] {
  const lines = new Map<string, LogLine>();
  for (const e of state.log) {
    const at = e.at.toISOString();
    lines.set(`${at}|${e.action}`, { at, who: e.who, role: e.role, action: e.action, toStatus: e.to, ...(e.note ? { note: e.note } : {}) });
  }
  for (const r of rows) {
    const at = new Date(r.at).toISOString();
    const key = `${at}|${r.action}`;
    if (!lines.has(key)) lines.set(key, { at, who: r.who, role: r.role, action: r.action, toStatus: r.toStatus, ...(r.note ? { note: r.note } : {}) });
  }
  return [...lines.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
