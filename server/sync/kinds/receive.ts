// 'dossier.receive' and 'dossier.refuse': a dossier received (status 2) or refused (status 3) at
// a desk. A received dossier with a provisional code (TAM-…) gets its official AGENCY-YYMMDD-XXXX
// code here, from the same daily counter as the devices' code blocks; an official code must come
// from a block reserved for this very device (or for an identity it replaced: see officialCodeFor).
import { dossierCodeFromParts, isProvisionalCode, parseDossierCode, vnDayKey } from '../../../src/domain/dossier';
import type { Lookups } from '../batch-store';
import type { StoredDossier } from '../dossier-store';
import { Rejection, parseOrReject } from '../rejection';
import { dossierRowSchema } from '../schemas';
import { authorOf, CLOCK_SKEW_MS, EARLIEST_RECEIPT_MS, type Applied, type ApplyContext, type KindActors, type KindHandler, type KindLookups } from './context';

function parseDossier(ctx: ApplyContext, entityId: string, payload: unknown, status: 2 | 3): StoredDossier & { code: string; receivedAt: string } {
  const row = parseOrReject(dossierRowSchema, payload, 'Hồ sơ gửi lên');
  if (row.id !== entityId) throw new Rejection('Mã định danh của thay đổi không khớp với hồ sơ gửi kèm.', 'entry.entity_mismatch');
  if (row.status !== status || row.data.state.status !== status) {
    throw new Rejection(
      status === 2 ? 'Hồ sơ tiếp nhận phải ở trạng thái "Được tiếp nhận".' : 'Hồ sơ từ chối phải ở trạng thái "Không được tiếp nhận".',
      'dossier.wrong_status',
    );
  }
  if (row.data.commune.id !== ctx.communeId) throw new Rejection('Hồ sơ này được lập cho một xã khác với xã của thiết bị.', 'dossier.other_commune');
  if (Date.parse(row.receivedAt) > ctx.now.getTime() + CLOCK_SKEW_MS) {
    throw new Rejection('Thời điểm tiếp nhận ở tương lai: hãy kiểm tra ngày giờ của thiết bị rồi lập lại hồ sơ.', 'entry.clock_future');
  }
  if (Date.parse(row.receivedAt) < EARLIEST_RECEIPT_MS) {
    throw new Rejection('Thời điểm tiếp nhận quá xa trong quá khứ: hãy kiểm tra ngày giờ của thiết bị rồi lập lại hồ sơ.', 'entry.clock_past');
  }
  const { syncState: _deviceOnly, ...stored } = row;
  return stored;
}

/** The same dossier sent again under another mutation number: answer as if applied, do nothing. */
async function alreadyThere(ctx: ApplyContext, dossier: StoredDossier & { code: string }): Promise<Applied | null> {
  const existing = await ctx.store.dossierAnywhere(dossier.id);
  if (!existing) return null;
  const same =
    existing.communeId === ctx.communeId &&
    existing.createdByDevice === ctx.caller.deviceId &&
    (existing.code === dossier.code || existing.provisionalCode === dossier.code);
  if (!same) throw new Rejection('Mã định danh hồ sơ đã được dùng cho một hồ sơ khác trên máy chủ.', 'dossier.id_taken');
  return { serverVersion: existing.version, ...(existing.provisionalCode && existing.code ? { officialCode: existing.code } : {}) };
}

/**
 * The official code of a dossier received at `receivedAt` under `sent` (a code of the device's
 * reserve, or a provisional TAM- code replaced here), or a refusal: a desk's receipt and its
 * receipt of a community team's submission (submission.ts) take the same path.
 */
export async function officialCodeFor(ctx: ApplyContext, dossier: { code: string; receivedAt: string }): Promise<{ code: string; provisionalCode?: string }> {
  const { agencyCode } = ctx.commune;
  const day = vnDayKey(new Date(dossier.receivedAt));
  if (dossier.code.startsWith('TAM-')) {
    if (!isProvisionalCode(dossier.code))
      throw new Rejection(`Mã hồ sơ tạm "${dossier.code}" không đúng dạng TAM-THIẾTBỊ-YYMMDD-NNNN.`, 'dossier.code_invalid');
    const number = await ctx.store.reserveNumber(day);
    if (number === null) throw new Rejection(`Đơn vị đã dùng hết 9999 số hồ sơ của ngày ${day}; không cấp được mã chính thức.`, 'dossier.numbers_exhausted');
    const official = dossierCodeFromParts(agencyCode, day, number);
    if (!official.ok)
      throw new Rejection(official.errors[0]?.message ?? 'Không tạo được mã hồ sơ chính thức.', official.errors[0]?.code ?? 'dossier.code_invalid');
    return { code: official.value, provisionalCode: dossier.code };
  }
  const parts = parseDossierCode(dossier.code);
  if (!parts.ok) throw new Rejection(parts.errors[0]?.message ?? 'Mã hồ sơ không đúng dạng.', parts.errors[0]?.code ?? 'dossier.code_invalid');
  if (parts.value.agency !== agencyCode) throw new Rejection(`Mã hồ sơ ${dossier.code} không mang mã đơn vị của xã (${agencyCode}).`, 'dossier.code_invalid');
  if (parts.value.day !== day) throw new Rejection(`Mã hồ sơ ${dossier.code} không khớp với ngày tiếp nhận.`, 'dossier.code_invalid');
  // Numbers reserved for this device; or for an identity of the commune that can no longer spend
  // them itself: the demo device (a desk trying the app before enrolling) or a revoked device (a
  // desk enrolled again). No other device holds those numbers, and the unique code stops a second use.
  if (!(await ctx.store.codeReserved(day, parts.value.sequence)))
    throw new Rejection(`Số hồ sơ ${dossier.code} không thuộc dải số máy chủ đã cấp cho thiết bị này.`, 'dossier.code_out_of_range');
  return { code: dossier.code };
}

/**
 * Every file the dossier names must already be on the gateway, with the declared size: a dossier
 * accepted without its bytes would be marked synced on the device, which then never sends them,
 * and the province would get papers that exist nowhere. The pump uploads files before the change,
 * so this refuses only a dossier whose file the gateway refused for good.
 */
export async function requireFiles(ctx: ApplyContext, papers: readonly { name: string; sha256: string; size: number }[]): Promise<void> {
  for (const paper of papers) {
    // The commune's own copy only: a dossier cannot name a paper another commune uploaded.
    const size = await ctx.store.fileSize(paper.sha256);
    if (size === null)
      throw new Rejection(
        `Máy chủ chưa nhận được tệp "${paper.name}" của hồ sơ: tệp phải được gửi lên trước. Hãy đồng bộ lại khi có mạng.`,
        'file.not_uploaded',
        { name: paper.name },
      );
    if (size !== paper.size) throw new Rejection(`Tệp "${paper.name}" trên máy chủ khác kích thước đã khai báo.`, 'file.size_mismatch', { name: paper.name });
  }
}

export const applyReceive: KindHandler = async (ctx, entry) => {
  const dossier = parseDossier(ctx, entry.entityId, entry.payload, 2);
  const replay = await alreadyThere(ctx, dossier);
  if (replay) return replay;
  await requireFiles(ctx, dossier.attachments ?? []);
  const { code, provisionalCode } = await officialCodeFor(ctx, dossier);
  const stored: StoredDossier = { ...dossier, code, ...(provisionalCode ? { provisionalCode } : {}) };
  const version = await ctx.store.nextVersion();
  ctx.store.insertDossier(stored, version, authorOf(ctx, dossier.data.officer.officerName), entry.kind);
  ctx.store.enqueueUpward(stored.id, version);
  return { serverVersion: version, ...(provisionalCode ? { officialCode: code } : {}) };
};

export const applyRefuse: KindHandler = async (ctx, entry) => {
  const dossier = parseDossier(ctx, entry.entityId, entry.payload, 3);
  if (!dossier.data.refusalReason?.trim()) throw new Rejection('Hồ sơ từ chối tiếp nhận phải ghi rõ lý do từ chối.', 'dossier.refusal_reason_required');
  const replay = await alreadyThere(ctx, dossier);
  if (replay) return replay;
  await requireFiles(ctx, dossier.attachments ?? []);
  const version = await ctx.store.nextVersion();
  ctx.store.insertDossier(dossier, version, authorOf(ctx, dossier.data.officer.officerName), entry.kind);
  ctx.store.enqueueUpward(dossier.id, version);
  return { serverVersion: version };
};

/** The official code a receipt names (as `code`, received at `at`), or the day whose counter gives one to a provisional code. */
export function codeLookups(code: unknown, at: unknown, agencyCode: string): Partial<Lookups> {
  if (typeof code === 'string' && code.startsWith('TAM-') && typeof at === 'string') {
    const received = new Date(at);
    return Number.isNaN(received.getTime()) ? {} : { days: [vnDayKey(received)] };
  }
  if (typeof code === 'string') {
    const parts = parseDossierCode(code);
    if (parts.ok && parts.value.agency === agencyCode) return { codes: [{ day: parts.value.day, sequence: parts.value.sequence }] };
  }
  return {};
}

/** Hashes of the papers a payload names (`attachments`), read loosely. */
export function attachmentHashes(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.map((a: { sha256?: unknown } | null) => a?.sha256).filter((h): h is string => typeof h === 'string');
}

/** The dossier's id (replay or clash), its papers, the official code it names or the day whose counter gives it one. */
export const receiveLookups: KindLookups = (entry, agencyCode) => {
  const row = entry.payload as { code?: unknown; receivedAt?: unknown; attachments?: unknown } | null;
  return { dossierIds: [entry.entityId], fileHashes: attachmentHashes(row?.attachments), ...codeLookups(row?.code, row?.receivedAt, agencyCode) };
};

/** Who the dossier's processing log says acted (a desk's receipt or refusal has one line: its officer). */
export const receiveActors: KindActors = (entry) => {
  const log = (entry.payload as { data?: { state?: { log?: unknown } } } | null)?.data?.state?.log;
  if (!Array.isArray(log)) return [];
  return log.map((line: { whoId?: unknown } | null) => line?.whoId).filter((id): id is string => typeof id === 'string');
};
