// Community-team tablets (issue 15): a team member files an online submission for a villager
// (DVCQG status 1, channel online), answers a desk's supplement request by resubmitting it, and a
// commune desk receives it, giving it its official code and appointment.
//
// The contract the tablet and the desk build on (entries go through POST /api/sync/push):
// - 'dossier.submit' (team tablets only), entityId = the dossier id, payload = the submission row
//   (submissionRowSchema, schemas.ts): a DossierRow of status 1 with `lookupCode` (XXXXX-XXXXX,
//   newLookupCode in src/domain/dossier) and `submittedAt` instead of code, receivedAt and dueAt;
//   data.channel 'online'; data.state from openDossier('online', actor, submittedAt, null) with a
//   communityTeam actor (the officer signed in on the tablet, or the tablet itself: its device id);
//   papers uploaded first (tus) and named in `attachments`. A lookup code already held by another
//   dossier anywhere is refused with code 'submission.lookup_code_taken': the tablet draws a new
//   code and pushes the submission again under a new mutation number.
// - 'dossier.resubmit' (team tablets only, its own submissions only), entityId = the dossier id,
//   payload { dossierId, actor (communityTeam), at, note?, attachments? }: 5 → 1 after a supplement
//   request made before receipt; the attachments are added to the submission's.
// - 'dossier.receiveSubmission' (desks only), entityId = the dossier id, payload { dossierId, code,
//   actor, at, officer? }: 1 → 2. `code` comes from the desk's reserve or is a provisional TAM- code,
//   as in 'dossier.receive'; the answer's officialCode replaces a provisional one. The gateway counts
//   the appointment from `at` with the commune's office hours.
// - Refusing (1 → 3) and asking for papers (1 → 5, with Mẫu 02's items) are 'dossier.transition'
//   with a required note, from a desk.
// - A team tablet pulls only the dossiers it created (status, code once received, the log with the
//   refusal's or supplement request's note, `supplementRequest`, `refusalReason`) and the catalogue.
import { createWorkingTime, DEFAULT_OFFICE_HOURS, parseOfficeHours } from '../../../src/domain/calendar';
import { transition, type Actor } from '../../../src/domain/dossier';
import { processingTimeOf } from '../../../src/domain/intake';
import { reviveState, stateToJson } from '../dossier-state';
import type { StoredDossier } from '../dossier-store';
import { Rejection, parseOrReject } from '../rejection';
import { receiveSubmissionPayloadSchema, resubmitPayloadSchema, submissionRowSchema } from '../schemas';
import { authorOf, CLOCK_SKEW_MS, EARLIEST_RECEIPT_MS, timeWithin, type ApplyContext, type KindActors, type KindHandler, type KindLookups } from './context';
import { attachmentHashes, codeLookups, officialCodeFor, receiveActors, requireFiles } from './receive';
import { actorOf, NOT_ON_SERVER } from './transition';

const NOT_OWN = new Rejection('Hồ sơ này không do máy tính bảng này nộp; chỉ máy đã nộp mới nộp lại được.', 'submission.not_own');

/**
 * Who a team's change names, checked: the officer of the session (push.ts already held the
 * change's actor against it), or else the tablet itself, under the name it gives; always a
 * communityTeam actor. The tablet's word cannot name another officer or device.
 */
function teamActor(ctx: ApplyContext, claimed: { id: string; name: string; role: string }): Actor {
  if (claimed.role !== 'communityTeam') {
    throw new Rejection('Hồ sơ trực tuyến do tổ công nghệ số cộng đồng nộp phải ghi vai trò "Tổ công nghệ số cộng đồng".', 'entry.role_not_allowed');
  }
  const staff = ctx.caller.staff;
  if (staff) return { id: staff.id, name: staff.name, role: 'communityTeam' };
  if (claimed.id !== ctx.caller.deviceId) {
    throw new Rejection('Thao tác ghi cho một người khác với máy tính bảng đang gửi; hãy đăng nhập tài khoản của tổ rồi gửi lại.', 'entry.actor_mismatch');
  }
  return { id: ctx.caller.deviceId, name: claimed.name, role: 'communityTeam' };
}

export const applySubmit: KindHandler = async (ctx, entry) => {
  const row = parseOrReject(submissionRowSchema, entry.payload, 'Hồ sơ nộp trực tuyến');
  if (row.id !== entry.entityId) throw new Rejection('Mã định danh của thay đổi không khớp với hồ sơ gửi kèm.', 'entry.entity_mismatch');
  if (row.data.commune.id !== ctx.communeId) throw new Rejection('Hồ sơ này được lập cho một xã khác với xã của thiết bị.', 'dossier.other_commune');
  const { state } = row.data;
  const [line, ...more] = state.log;
  if (
    row.data.channel !== 'online' ||
    state.status !== 1 ||
    more.length > 0 ||
    line?.action !== 'submit' ||
    line.from !== null ||
    line.to !== 1 ||
    state.receivedAt !== null ||
    state.appointmentAt !== null ||
    state.supplementRequests !== 0 ||
    row.data.refusalReason !== undefined
  ) {
    throw new Rejection('Hồ sơ nộp trực tuyến phải ở trạng thái "Mới đăng ký", kênh trực tuyến, chưa được tiếp nhận.', 'dossier.wrong_status');
  }
  teamActor(ctx, { id: line.whoId, name: line.who, role: line.role });
  const submittedAt = Date.parse(row.submittedAt);
  if (submittedAt > ctx.now.getTime() + CLOCK_SKEW_MS)
    throw new Rejection('Thời điểm nộp ở tương lai: hãy kiểm tra ngày giờ của máy tính bảng rồi lập lại hồ sơ.', 'entry.clock_future');
  if (submittedAt < EARLIEST_RECEIPT_MS)
    throw new Rejection('Thời điểm nộp quá xa trong quá khứ: hãy kiểm tra ngày giờ của máy tính bảng rồi lập lại hồ sơ.', 'entry.clock_past');

  // The same submission sent again under another mutation number: answer as if applied.
  const existing = await ctx.store.dossierAnywhere(row.id);
  if (existing) {
    if (existing.communeId === ctx.communeId && existing.createdByDevice === ctx.caller.deviceId && existing.lookupCode === row.lookupCode)
      return { serverVersion: existing.version };
    throw new Rejection('Mã định danh hồ sơ đã được dùng cho một hồ sơ khác trên máy chủ.', 'dossier.id_taken');
  }
  if ((await ctx.store.lookupCodeHolder(row.lookupCode)) !== null) {
    throw new Rejection(
      `Mã tra cứu ${row.lookupCode} đã được dùng cho hồ sơ khác; máy tính bảng sẽ tạo mã tra cứu mới và gửi lại.`,
      'submission.lookup_code_taken',
      { lookupCode: row.lookupCode },
    );
  }
  await requireFiles(ctx, row.attachments ?? []);
  const { syncState: _deviceOnly, ...stored } = row;
  const version = await ctx.store.nextVersion();
  ctx.store.insertDossier(stored, version, authorOf(ctx, line.who), entry.kind);
  // No upward record yet: the province knows a dossier by its official code, given at receipt.
  return { serverVersion: version };
};

export const applyResubmit: KindHandler = async (ctx, entry) => {
  const change = parseOrReject(resubmitPayloadSchema, entry.payload, 'Nộp lại hồ sơ đã bổ sung');
  if (change.dossierId !== entry.entityId) throw new Rejection('Mã định danh của thay đổi không khớp với hồ sơ.', 'entry.entity_mismatch');
  const record = await ctx.store.dossier(change.dossierId);
  if (!record) throw new Rejection(NOT_ON_SERVER, 'dossier.not_on_server');
  if ((await ctx.store.dossierAnywhere(change.dossierId))?.createdByDevice !== ctx.caller.deviceId) throw NOT_OWN;
  const at = timeWithin(ctx, change.at, record.dossier.submittedAt ?? record.dossier.updatedAt, 'Thời điểm nộp lại');
  const actor = teamActor(ctx, change.actor);
  const moved = transition(reviveState(record.dossier.data.state), 'resubmit', actor, at, {
    extendAppointment: (due) => due,
    ...(change.note !== undefined ? { note: change.note } : {}),
  });
  if (!moved.ok)
    throw new Rejection(moved.errors[0]?.message ?? 'Thao tác không hợp lệ với trạng thái hiện tại của hồ sơ.', moved.errors[0]?.code ?? 'transition.illegal');
  const added = change.attachments ?? [];
  await requireFiles(ctx, added);
  const before = record.dossier.attachments ?? [];
  const known = new Set(before.map((a) => `${a.componentIndex}/${a.sha256}`));
  const attachments = [...before, ...added.filter((a) => !known.has(`${a.componentIndex}/${a.sha256}`))];
  const dossier: StoredDossier = {
    ...record.dossier,
    status: moved.value.status,
    updatedAt: at.toISOString(),
    data: { ...record.dossier.data, state: stateToJson(moved.value) },
    ...(attachments.length > 0 ? { attachments } : {}),
  };
  const version = await ctx.store.nextVersion();
  ctx.store.updateDossier(record, dossier, version, authorOf(ctx, actor.name), entry.kind);
  return { serverVersion: version };
};

export const applyReceiveSubmission: KindHandler = async (ctx, entry) => {
  const change = parseOrReject(receiveSubmissionPayloadSchema, entry.payload, 'Tiếp nhận hồ sơ trực tuyến');
  if (change.dossierId !== entry.entityId) throw new Rejection('Mã định danh của thay đổi không khớp với hồ sơ.', 'entry.entity_mismatch');
  const record = await ctx.store.dossier(change.dossierId);
  if (!record) throw new Rejection(NOT_ON_SERVER, 'dossier.not_on_server');
  const { dossier } = record;
  // Received already under this very code (the same receipt carried by another route): answer as applied.
  if (dossier.status !== 1 && dossier.code !== undefined && (dossier.code === change.code || dossier.provisionalCode === change.code)) {
    return { serverVersion: record.version, ...(dossier.provisionalCode ? { officialCode: dossier.code } : {}) };
  }
  const at = timeWithin(ctx, change.at, dossier.submittedAt ?? dossier.updatedAt, 'Thời điểm tiếp nhận');
  const actor = actorOf(ctx, change.actor);
  const hours = parseOfficeHours(ctx.commune.officeHours);
  const clock = createWorkingTime({ officeHours: hours.ok ? hours.settings : DEFAULT_OFFICE_HOURS });
  const appointmentAt = clock.appointmentFor(at, processingTimeOf(dossier.data.intake) ?? { processingDays: 0 });
  const moved = transition(reviveState(dossier.data.state), 'receive', actor, at, { extendAppointment: (due) => due, appointmentAt });
  if (!moved.ok)
    throw new Rejection(moved.errors[0]?.message ?? 'Thao tác không hợp lệ với trạng thái hiện tại của hồ sơ.', moved.errors[0]?.code ?? 'transition.illegal');
  const receivedAt = at.toISOString();
  const { code, provisionalCode } = await officialCodeFor(ctx, { code: change.code, receivedAt });
  const received: StoredDossier = {
    ...dossier,
    code,
    ...(provisionalCode ? { provisionalCode } : {}),
    status: moved.value.status,
    receivedAt,
    dueAt: appointmentAt.toISOString(),
    updatedAt: receivedAt,
    data: { ...dossier.data, state: stateToJson(moved.value), ...(change.officer ? { officer: change.officer } : {}) },
  };
  const version = await ctx.store.nextVersion();
  ctx.store.updateDossier(record, received, version, authorOf(ctx, actor.name), entry.kind);
  ctx.store.enqueueUpward(record.id, version);
  return { serverVersion: version, ...(provisionalCode ? { officialCode: code } : {}) };
};

export const submitLookups: KindLookups = (entry) => {
  const row = entry.payload as { attachments?: unknown } | null;
  return { dossierIds: [entry.entityId], fileHashes: attachmentHashes(row?.attachments) };
};

export const resubmitLookups: KindLookups = (entry) => {
  const row = entry.payload as { attachments?: unknown } | null;
  return { dossierIds: [entry.entityId], fileHashes: attachmentHashes(row?.attachments) };
};

export const receiveSubmissionLookups: KindLookups = (entry, agencyCode) => {
  const row = entry.payload as { code?: unknown; at?: unknown } | null;
  return { dossierIds: [entry.entityId], ...codeLookups(row?.code, row?.at, agencyCode) };
};

/** The submission's one log line names its team member. */
export const submitActors: KindActors = receiveActors;
