// 'dossier.result': the result paper attached to a dossier while processing or after. Files travel
// separately (tus, by hash) and before the change, so the gateway must already hold the bytes,
// verified against their SHA-256 when they arrived: a change naming a file the gateway lacks, or
// a file of another size, is refused with a reason rather than recorded as if the paper existed.
import { mayAttachResult } from '../../../src/domain/dossier';
import { startOf, type StoredDossier } from '../dossier-store';
import { Rejection, parseOrReject } from '../rejection';
import { resultPayloadSchema } from '../schemas';
import { authorOf, timeWithin, type KindHandler, type KindLookups } from './context';
import { NOT_ON_SERVER } from './transition';

export interface ResultPaper {
  sha256: string;
  name: string;
  type: string;
  size: number;
  at: string;
}

export const applyResult: KindHandler = async (ctx, entry) => {
  const paper = parseOrReject(resultPayloadSchema, entry.payload, 'Giấy tờ kết quả');
  if (paper.dossierId !== entry.entityId) throw new Rejection('Mã định danh của thay đổi không khớp với hồ sơ.', 'entry.entity_mismatch');
  const record = await ctx.store.dossier(paper.dossierId);
  if (!record) throw new Rejection(NOT_ON_SERVER, 'dossier.not_on_server');
  const at = paper.at ?? ctx.now.toISOString();
  timeWithin(ctx, at, startOf(record.dossier), 'Thời điểm đính kèm');
  if (!mayAttachResult(record.dossier.status)) throw new Rejection('Chỉ đính kèm kết quả khi hồ sơ đang xử lý hoặc đã có kết quả.', 'result.not_allowed');
  // The commune's own copy only: a dossier cannot name a paper another commune uploaded.
  const size = await ctx.store.fileSize(paper.sha256);
  if (size === null)
    throw new Rejection(`Máy chủ chưa nhận được tệp kết quả "${paper.name}": tệp phải được gửi lên trước. Hãy đồng bộ lại khi có mạng.`, 'file.not_uploaded', {
      name: paper.name,
    });
  if (size !== paper.size)
    throw new Rejection(`Tệp kết quả "${paper.name}" trên máy chủ khác kích thước đã khai báo.`, 'file.size_mismatch', { name: paper.name });

  const results = ((record.dossier as { results?: ResultPaper[] }).results ?? []).slice();
  // The same paper attached twice is one paper: nothing changes, the first record stands.
  if (results.some((r) => r.sha256 === paper.sha256)) return { serverVersion: record.version };
  results.push({ sha256: paper.sha256, name: paper.name, type: paper.type, size: paper.size, at });
  const dossier: StoredDossier & { results: ResultPaper[] } = { ...record.dossier, results };
  const version = await ctx.store.nextVersion();
  ctx.store.updateDossier(record, dossier, version, authorOf(ctx, 'Cán bộ xử lý'), entry.kind);
  ctx.store.enqueueUpward(record.id, version);
  return { serverVersion: version };
};

export const resultLookups: KindLookups = (entry) => {
  const sha256 = (entry.payload as { sha256?: unknown } | null)?.sha256;
  return { dossierIds: [entry.entityId], fileHashes: typeof sha256 === 'string' ? [sha256] : [] };
};
