// 'dossier.transition': a status change (chuyển xử lý, yêu cầu bổ sung, trả kết quả, …) made on a
// device, replayed through the same state machine as the app's (src/domain/dossier) with the
// commune's working-time clock. An illegal move — often two desks acting on one dossier while
// offline — is refused with the machine's own reason, never applied. A supplement request brings
// the lines of Mẫu 02, kept beside the data so every desk of the commune can take in a paper per
// line. Receiving a supplement may bring its papers: taken in with the move, and only if the
// commune already holds every one of them (as result papers: see result.ts), or the whole change
// is refused. A community team's submission (issue 15) is refused (1 → 3) or asked for papers
// (1 → 5) here too; it is received through 'dossier.receiveSubmission', which gives it its code.
// A dossier reaches the province only once it has an official code.
import { createWorkingTime, DEFAULT_OFFICE_HOURS, parseOfficeHours } from '../../../src/domain/calendar';
import { transition, type Actor, type ActorRole } from '../../../src/domain/dossier';
import { processingTimeOf } from '../../../src/domain/intake';
import { reviveState, stateToJson } from '../dossier-state';
import { startOf, type StoredDossier } from '../dossier-store';
import { Rejection, parseOrReject } from '../rejection';
import { transitionPayloadSchema, type SupplementItemJson, type SupplementPaperJson } from '../schemas';
import { authorOf, timeWithin, type ApplyContext, type KindActors, type KindHandler } from './context';

export const NOT_ON_SERVER = 'Không tìm thấy hồ sơ trên máy chủ (hồ sơ chưa được gửi lên, hoặc đã bị từ chối khi đồng bộ).';

/** Roles a device may claim on its own word: a leader's (or the system's) needs the leader's own session. */
const DEVICE_ROLES: ReadonlySet<ActorRole> = new Set(['receptionOfficer', 'processingOfficer', 'citizen']);

/**
 * Who acted: the officer of the staff session when one came with the change (the change named
 * that officer: push.ts refused it otherwise, see actor-check.ts); otherwise the device, under the
 * name its desk profile gives and a role it may claim, never a leader's.
 */
export function actorOf(ctx: ApplyContext, claimed: Actor): Actor {
  const staff = ctx.caller.staff;
  if (staff) return { id: staff.id, name: staff.name, role: staff.role };
  // Only a team tablet speaks for a community team, and it pushes no desk decision (push.ts).
  if (claimed.role === 'communityTeam') {
    throw new Rejection('Thiết bị của bộ phận một cửa không ghi thao tác với vai trò tổ công nghệ số cộng đồng.', 'entry.role_not_allowed');
  }
  if (!DEVICE_ROLES.has(claimed.role)) {
    throw new Rejection(
      'Thao tác với vai trò lãnh đạo cần cán bộ đó đăng nhập trên thiết bị; thiết bị không tự nhận vai trò này được.',
      'transition.leader_sign_in',
    );
  }
  return { id: ctx.caller.deviceId, name: claimed.name, role: claimed.role };
}

/** A supplement paper as the gateway keeps it on the dossier (`supplementPapers`), with when it came. */
export interface SupplementPaper extends SupplementPaperJson {
  at: string;
}

/**
 * The supplement request as the gateway keeps it on the dossier (`supplementRequest`): the lines
 * of Mẫu 02, when and by whom. A device reads it as its SupplementRecord (src/db/dossier-data.ts).
 */
export interface SupplementRequest {
  items: SupplementItemJson[];
  requestedAt: string;
  officerName: string;
  /** From the requesting desk's profile; absent when it had none (or an app before it sent none). */
  officerPhone?: string;
}

/**
 * The papers of a supplement, each checked against the commune's copy of its file: a change that
 * names bytes the gateway lacks would be marked synced on the device, which then never sends them.
 */
async function takeSupplementPapers(ctx: ApplyContext, papers: SupplementPaperJson[], at: Date): Promise<SupplementPaper[]> {
  for (const paper of papers) {
    // The commune's own copy only: a dossier cannot name a paper another commune uploaded.
    const size = await ctx.store.fileSize(paper.sha256);
    if (size === null)
      throw new Rejection(
        `Máy chủ chưa nhận được tệp bổ sung "${paper.name}": tệp phải được gửi lên trước. Hãy đồng bộ lại khi có mạng.`,
        'file.not_uploaded',
        { name: paper.name },
      );
    if (size !== paper.size)
      throw new Rejection(`Tệp bổ sung "${paper.name}" trên máy chủ khác kích thước đã khai báo.`, 'file.size_mismatch', { name: paper.name });
  }
  return papers.map((p) => ({ item: p.item, sha256: p.sha256, name: p.name, type: p.type, size: p.size, at: at.toISOString() }));
}

export const applyTransition: KindHandler = async (ctx, entry) => {
  const change = parseOrReject(transitionPayloadSchema, entry.payload, 'Thao tác trên hồ sơ');
  if (change.dossierId !== entry.entityId) throw new Rejection('Mã định danh của thay đổi không khớp với hồ sơ.', 'entry.entity_mismatch');
  const record = await ctx.store.dossier(change.dossierId);
  if (!record) throw new Rejection(NOT_ON_SERVER, 'dossier.not_on_server');
  const at = timeWithin(ctx, change.at, startOf(record.dossier), 'Thời điểm thao tác');
  // Receiving a submission gives it an official code: that is its own kind.
  if (change.action === 'receive')
    throw new Rejection('Hồ sơ trực tuyến được tiếp nhận bằng thao tác "dossier.receiveSubmission" (kèm mã hồ sơ).', 'transition.receive_submission');

  const hours = parseOfficeHours(ctx.commune.officeHours);
  const clock = createWorkingTime({ officeHours: hours.ok ? hours.settings : DEFAULT_OFFICE_HOURS });
  const state = reviveState(record.dossier.data.state);
  const actor = actorOf(ctx, change.actor);
  const moved = transition(state, change.action, actor, at, {
    extendAppointment: (due, from, to) => clock.extendAppointment(due, from, to, processingTimeOf(record.dossier.data.intake)?.countedIn),
    ...(change.note !== undefined ? { note: change.note } : {}),
  });
  if (!moved.ok)
    throw new Rejection(moved.errors[0]?.message ?? 'Thao tác không hợp lệ với trạng thái hiện tại của hồ sơ.', moved.errors[0]?.code ?? 'transition.illegal');
  if (change.papers && change.action !== 'receiveSupplement')
    throw new Rejection('Chỉ thao tác "Nhận hồ sơ bổ sung" mới được kèm giấy tờ.', 'transition.papers_not_allowed');
  if (change.items && change.action !== 'requestSupplement')
    throw new Rejection('Chỉ thao tác "Yêu cầu bổ sung hồ sơ" mới được kèm danh sách giấy tờ cần bổ sung.', 'transition.papers_not_allowed');
  if (change.officerPhone !== undefined && !change.items)
    throw new Rejection('Chỉ phiếu yêu cầu bổ sung mới được kèm số điện thoại của cán bộ.', 'transition.phone_not_allowed');
  const papers = change.papers ? await takeSupplementPapers(ctx, change.papers, at) : [];
  const request: SupplementRequest | null = change.items
    ? {
        items: change.items,
        requestedAt: at.toISOString(),
        officerName: actor.name,
        ...(change.officerPhone ? { officerPhone: change.officerPhone.trim() } : {}),
      }
    : null;

  const next = moved.value;
  const earlier = (record.dossier as { supplementPapers?: SupplementPaper[] }).supplementPapers ?? [];
  const dossier: StoredDossier & { supplementPapers?: SupplementPaper[]; supplementRequest?: SupplementRequest } = {
    ...record.dossier,
    status: next.status,
    dueAt: next.appointmentAt?.toISOString() ?? record.dossier.dueAt,
    updatedAt: at.toISOString(),
    data: {
      ...record.dossier.data,
      state: stateToJson(next),
      // A submission refused before receipt: the reason where a desk's refusal keeps it (the status page shows it).
      ...(change.action === 'refuse' ? { refusalReason: next.log.at(-1)?.note ?? '' } : {}),
    },
    ...(papers.length > 0 ? { supplementPapers: [...earlier, ...papers] } : {}),
    ...(request ? { supplementRequest: request } : {}),
  };
  const version = await ctx.store.nextVersion();
  ctx.store.updateDossier(record, dossier, version, authorOf(ctx, actor.name), entry.kind);
  // A submission refused or asked for papers before receipt has no official code to be known by upward.
  if (dossier.code) ctx.store.enqueueUpward(record.id, version);
  return { serverVersion: version };
};

/** The actor the move names. */
export const transitionActors: KindActors = (entry) => {
  const id = (entry.payload as { actor?: { id?: unknown } | null } | null)?.actor?.id;
  return typeof id === 'string' ? [id] : [];
};
