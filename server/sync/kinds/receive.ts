// 'dossier.receive' and 'dossier.refuse': a dossier received (status 2) or refused (status 3) at
// a desk. A received dossier with a provisional code (TAM-…) gets its official AGENCY-YYMMDD-XXXX
// code here, from the same daily counter as the devices' code blocks; an official code must come
// from a block reserved for this very device (or for an identity it replaced: see officialCodeFor).
import { dossierCodeFromParts, isProvisionalCode, parseDossierCode, vnDayKey } from '../../../src/domain/dossier';
import { reserveBlock } from '../../code-blocks';
import { DEMO_DEVICE } from '../../seed/demo-accounts';
import { enqueueUpward } from '../../upward/queue';
import { findDossierAnyCommune } from './lookup';
import { insertDossier, nextVersion, type StoredDossier } from '../dossier-store';
import { Rejection, parseOrReject } from '../rejection';
import { dossierRowSchema } from '../schemas';
import { authorOf, CLOCK_SKEW_MS, EARLIEST_RECEIPT_MS, type Applied, type ApplyContext, type KindHandler } from './context';

function parseDossier(ctx: ApplyContext, entityId: string, payload: unknown, status: 2 | 3): StoredDossier {
  const row = parseOrReject(dossierRowSchema, payload, 'Hồ sơ gửi lên');
  if (row.id !== entityId) throw new Rejection('Mã định danh của thay đổi không khớp với hồ sơ gửi kèm.');
  if (row.status !== status || row.data.state.status !== status) {
    throw new Rejection(status === 2 ? 'Hồ sơ tiếp nhận phải ở trạng thái "Được tiếp nhận".' : 'Hồ sơ từ chối phải ở trạng thái "Không được tiếp nhận".');
  }
  if (row.data.commune.id !== ctx.communeId) throw new Rejection('Hồ sơ này được lập cho một xã khác với xã của thiết bị.');
  if (Date.parse(row.receivedAt) > ctx.now.getTime() + CLOCK_SKEW_MS) {
    throw new Rejection('Thời điểm tiếp nhận ở tương lai: hãy kiểm tra ngày giờ của thiết bị rồi lập lại hồ sơ.');
  }
  if (Date.parse(row.receivedAt) < EARLIEST_RECEIPT_MS) {
    throw new Rejection('Thời điểm tiếp nhận quá xa trong quá khứ: hãy kiểm tra ngày giờ của thiết bị rồi lập lại hồ sơ.');
  }
  const { syncState: _deviceOnly, ...stored } = row;
  return stored;
}

/** The same dossier sent again under another mutation number: answer as if applied, do nothing. */
async function alreadyThere(ctx: ApplyContext, dossier: StoredDossier): Promise<Applied | null> {
  const existing = await findDossierAnyCommune(ctx.tx, dossier.id);
  if (!existing) return null;
  const same =
    existing.communeId === ctx.communeId &&
    existing.createdByDevice === ctx.caller.deviceId &&
    (existing.code === dossier.code || existing.provisionalCode === dossier.code);
  if (!same) throw new Rejection('Mã định danh hồ sơ đã được dùng cho một hồ sơ khác trên máy chủ.');
  return { serverVersion: existing.version, ...(existing.provisionalCode ? { officialCode: existing.code } : {}) };
}

async function officialCodeFor(ctx: ApplyContext, dossier: StoredDossier): Promise<{ code: string; provisionalCode?: string }> {
  const { agencyCode } = ctx.commune;
  const day = vnDayKey(new Date(dossier.receivedAt));
  if (dossier.code.startsWith('TAM-')) {
    if (!isProvisionalCode(dossier.code)) throw new Rejection(`Mã hồ sơ tạm "${dossier.code}" không đúng dạng TAM-THIẾTBỊ-YYMMDD-NNNN.`);
    const block = await reserveBlock(ctx.tx, agencyCode, day, ctx.caller.deviceId, 1);
    if (!block) throw new Rejection(`Đơn vị đã dùng hết 9999 số hồ sơ của ngày ${day}; không cấp được mã chính thức.`);
    const official = dossierCodeFromParts(agencyCode, day, block.from);
    if (!official.ok) throw new Rejection(official.errors[0]?.message ?? 'Không tạo được mã hồ sơ chính thức.');
    return { code: official.value, provisionalCode: dossier.code };
  }
  const parts = parseDossierCode(dossier.code);
  if (!parts.ok) throw new Rejection(parts.errors[0]?.message ?? 'Mã hồ sơ không đúng dạng.');
  if (parts.value.agency !== agencyCode) throw new Rejection(`Mã hồ sơ ${dossier.code} không mang mã đơn vị của xã (${agencyCode}).`);
  if (parts.value.day !== day) throw new Rejection(`Mã hồ sơ ${dossier.code} không khớp với ngày tiếp nhận.`);
  // Numbers reserved for this device; or for an identity of the commune that can no longer spend
  // them itself: the demo device (a desk trying the app before enrolling) or a revoked device (a
  // desk enrolled again). No other device holds those numbers, and the unique code stops a second use.
  const [reserved] = await ctx.tx.query(
    `select 1 from code_blocks b join devices d on d.id = b.device_id
      where b.agency_code = $1 and b.day = $2 and $4 between b.first_sequence and b.last_sequence and d.commune_id = $5
        and (b.device_id = $3 or b.device_id = $6 or d.revoked_at is not null)`,
    [agencyCode, day, ctx.caller.deviceId, parts.value.sequence, ctx.communeId, DEMO_DEVICE.id],
  );
  if (!reserved) throw new Rejection(`Số hồ sơ ${dossier.code} không thuộc dải số máy chủ đã cấp cho thiết bị này.`);
  return { code: dossier.code };
}

/**
 * Every file the dossier names must already be on the gateway, with the declared size: a dossier
 * accepted without its bytes would be marked synced on the device, which then never sends them,
 * and the province would get papers that exist nowhere. The pump uploads files before the change,
 * so this refuses only a dossier whose file the gateway refused for good.
 */
async function requireFiles(ctx: ApplyContext, dossier: StoredDossier): Promise<void> {
  for (const paper of dossier.attachments ?? []) {
    const [file] = await ctx.tx.query<{ size: unknown }>(
      // The commune's own copy only: a dossier cannot name a paper another commune uploaded.
      'select f.size from commune_files c join files f on f.sha256 = c.sha256 where c.commune_id = $1 and c.sha256 = $2',
      [ctx.communeId, paper.sha256],
    );
    if (!file) throw new Rejection(`Máy chủ chưa nhận được tệp "${paper.name}" của hồ sơ: tệp phải được gửi lên trước. Hãy đồng bộ lại khi có mạng.`);
    if (Number(file.size) !== paper.size) throw new Rejection(`Tệp "${paper.name}" trên máy chủ khác kích thước đã khai báo.`);
  }
}

export const applyReceive: KindHandler = async (ctx, entry) => {
  const dossier = parseDossier(ctx, entry.entityId, entry.payload, 2);
  const replay = await alreadyThere(ctx, dossier);
  if (replay) return replay;
  await requireFiles(ctx, dossier);
  const { code, provisionalCode } = await officialCodeFor(ctx, dossier);
  const stored: StoredDossier = { ...dossier, code, ...(provisionalCode ? { provisionalCode } : {}) };
  const version = await nextVersion(ctx.tx);
  await insertDossier(ctx.tx, ctx.communeId, stored, version, authorOf(ctx, dossier.data.officer.officerName), entry.kind);
  await enqueueUpward(ctx.tx, stored.id, ctx.communeId, version);
  return { serverVersion: version, ...(provisionalCode ? { officialCode: code } : {}) };
};

export const applyRefuse: KindHandler = async (ctx, entry) => {
  const dossier = parseDossier(ctx, entry.entityId, entry.payload, 3);
  if (!dossier.data.refusalReason?.trim()) throw new Rejection('Hồ sơ từ chối tiếp nhận phải ghi rõ lý do từ chối.');
  const replay = await alreadyThere(ctx, dossier);
  if (replay) return replay;
  await requireFiles(ctx, dossier);
  const version = await nextVersion(ctx.tx);
  await insertDossier(ctx.tx, ctx.communeId, dossier, version, authorOf(ctx, dossier.data.officer.officerName), entry.kind);
  await enqueueUpward(ctx.tx, dossier.id, ctx.communeId, version);
  return { serverVersion: version };
};
