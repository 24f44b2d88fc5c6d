// The desk receives a community team's online submission (issue 15): 1 → 2 with an official
// number from this device's reserve (or a provisional one), the appointment counted from now by
// the commune's calendar, the signed-in officer on the log and the receipt. No React here.
import { transition } from '../../domain/dossier';
import { MotcuaError } from '../../domain/errors';
import { processingTimeOf } from '../../domain/intake';
import { getDb, getOrCreateDevice, readCommune, readDeskActor, readDossierData, receivePulledSubmission, type DossierRow, type MotcuaDb } from '../../db';
import { clockFor } from '../../shared/lib/working-clock'; // not the index: it pulls in browser-only modules
import { DeskActionError } from './actions';

export interface ReceivedSubmission {
  row: DossierRow;
  code: string;
  provisional: boolean;
}

/** Receives the submission `id` now: everything written in one transaction, or nothing (DeskActionError says why). */
export async function receiveOnlineSubmission(id: string, now = new Date(), db: MotcuaDb = getDb()): Promise<ReceivedSubmission> {
  const [commune, desk, device] = await Promise.all([readCommune(db), readDeskActor(db), getOrCreateDevice(db)]);
  if (!commune) throw new DeskActionError('intake.no_commune', 'Thiết bị chưa tải thông tin xã: hãy kết nối mạng một lần.');
  const clock = clockFor(commune);
  const { actor, officer, staffId } = desk;
  try {
    return await receivePulledSubmission(db, id, { agency: commune.agencyCode, deviceShort: device.short }, now, (row, taken) => {
      const data = readDossierData(row);
      const time = data.intake ? processingTimeOf(data.intake) : null;
      if (!time) throw new DeskActionError('receive.no_processing_time', 'Chưa biết thời hạn giải quyết của thủ tục này.');
      // As the gateway counts it (server/sync/kinds/submission.ts): from the receipt, not from the submission.
      const appointmentAt = clock.appointmentFor(now, time);
      const moved = transition(data.state, 'receive', actor, now, { extendAppointment: (due) => due, appointmentAt });
      if (!moved.ok) {
        const first = moved.errors[0]!;
        throw new DeskActionError(first.code, first.message, first.params);
      }
      const state = moved.value;
      const at = now.toISOString();
      return {
        row: {
          ...row,
          code: taken.code,
          ...(taken.provisional ? { provisionalCode: taken.code } : {}),
          status: state.status,
          receivedAt: at,
          dueAt: appointmentAt.toISOString(),
          data: { ...data, state, officer },
          updatedAt: at,
          syncState: 'waiting',
        },
        log: [{ dossierId: id, at, who: actor.name, role: actor.role, action: 'receive', fromStatus: 1, toStatus: state.status }],
        outbox: [
          {
            kind: 'dossier.receiveSubmission',
            entityId: id,
            payload: { dossierId: id, code: taken.code, actor, at, officer: { officerName: officer.officerName, officerPhone: officer.officerPhone } },
            createdAt: at,
            status: 'pending',
            attempts: 0,
            ...(staffId ? { staffId } : {}),
          },
        ],
      };
    });
  } catch (error) {
    if (error instanceof DeskActionError) throw error;
    if (error instanceof MotcuaError) throw new DeskActionError(error.code, error.message, error.params);
    throw error;
  }
}
