// DossierState travels and rests as JSON (dates as ISO text); the state machine wants Dates.
import type { DossierLogEntry, DossierState } from '../../src/domain/dossier';
import type { DossierStateJson } from './schemas';

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

export function reviveState(json: DossierStateJson): DossierState {
  return {
    status: json.status as DossierState['status'],
    appointmentAt: date(json.appointmentAt),
    supplementRequests: json.supplementRequests,
    pausedAt: date(json.pausedAt),
    receivedAt: date(json.receivedAt),
    resultReadyAt: date(json.resultReadyAt),
    returnedAt: date(json.returnedAt),
    log: json.log.map((e): DossierLogEntry => ({
      who: e.who,
      whoId: e.whoId,
      role: e.role,
      at: new Date(e.at),
      action: e.action,
      from: e.from as DossierLogEntry['from'],
      to: e.to as DossierLogEntry['to'],
      ...(e.note !== undefined ? { note: e.note } : {}),
      ...(e.appointmentBefore !== undefined ? { appointmentBefore: new Date(e.appointmentBefore) } : {}),
      ...(e.appointmentAfter !== undefined ? { appointmentAfter: new Date(e.appointmentAfter) } : {}),
    })),
  };
}

/** Back to JSON, exactly as JSON.stringify would write it. */
export function stateToJson(state: DossierState): DossierStateJson {
  return JSON.parse(JSON.stringify(state)) as DossierStateJson;
}
