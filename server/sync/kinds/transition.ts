// 'dossier.transition': a status change (chuyển xử lý, yêu cầu bổ sung, trả kết quả, …) made on a
// device, replayed through the same state machine as the app's (src/domain/dossier) with the
// commune's working-time clock. An illegal move — often two desks acting on one dossier while
// offline — is refused with the machine's own reason, never applied.
import { createWorkingTime, DEFAULT_OFFICE_HOURS, parseOfficeHours } from '../../../src/domain/calendar';
import { transition, type Actor } from '../../../src/domain/dossier';
import { enqueueUpward } from '../../upward/queue';
import { reviveState, stateToJson } from '../dossier-state';
import { findDossier, nextVersion, updateDossier, type StoredDossier } from '../dossier-store';
import { Rejection, parseOrReject } from '../rejection';
import { transitionPayloadSchema } from '../schemas';
import { authorOf, CLOCK_SKEW_MS, type KindHandler } from './context';

export const NOT_ON_SERVER = 'Không tìm thấy hồ sơ trên máy chủ (hồ sơ chưa được gửi lên, hoặc đã bị từ chối khi đồng bộ).';

export const applyTransition: KindHandler = async (ctx, entry) => {
  const change = parseOrReject(transitionPayloadSchema, entry.payload, 'Thao tác trên hồ sơ');
  if (change.dossierId !== entry.entityId) throw new Rejection('Mã định danh của thay đổi không khớp với hồ sơ.');
  const at = new Date(change.at);
  if (at.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
    throw new Rejection('Thời điểm thao tác ở tương lai: hãy kiểm tra ngày giờ của thiết bị.');
  }
  const record = await findDossier(ctx.tx, ctx.communeId, change.dossierId, true);
  if (!record) throw new Rejection(NOT_ON_SERVER);

  const hours = parseOfficeHours(ctx.commune.officeHours);
  const clock = createWorkingTime({ officeHours: hours.ok ? hours.settings : DEFAULT_OFFICE_HOURS });
  const state = reviveState(record.dossier.data.state);
  // The signed-in officer, when the device names one, is who acted; otherwise the device's word.
  const actor: Actor = ctx.caller.staff ? { id: ctx.caller.staff.id, name: ctx.caller.staff.name, role: ctx.caller.staff.role } : change.actor;
  const appointmentAt =
    change.action === 'receive' && state.appointmentAt === null
      ? clock.appointmentFor(at, { processingDays: record.dossier.data.intake.processingDays ?? 0 })
      : undefined;
  const moved = transition(state, change.action, actor, at, {
    extendAppointment: (due, from, to) => clock.extendAppointment(due, from, to),
    ...(change.note !== undefined ? { note: change.note } : {}),
    ...(appointmentAt ? { appointmentAt } : {}),
  });
  if (!moved.ok) throw new Rejection(moved.errors[0]?.message ?? 'Thao tác không hợp lệ với trạng thái hiện tại của hồ sơ.');

  const next = moved.value;
  const dossier: StoredDossier = {
    ...record.dossier,
    status: next.status,
    dueAt: next.appointmentAt?.toISOString() ?? record.dossier.dueAt,
    updatedAt: at.toISOString(),
    data: { ...record.dossier.data, state: stateToJson(next) },
  };
  const version = await nextVersion(ctx.tx);
  await updateDossier(ctx.tx, record, dossier, version, authorOf(ctx, actor.name), entry.kind);
  await enqueueUpward(ctx.tx, record.id, ctx.communeId, version);
  return { serverVersion: version };
};
