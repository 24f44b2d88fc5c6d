// 'dossier.rate': the citizen's satisfaction at return (Rất hài lòng / Hài lòng / Không hài lòng);
// "not satisfied" needs a reason. Once per dossier, and only for a dossier whose result was returned.
import { mayRate } from '../../../src/domain/dossier';
import { startOf, type StoredDossier } from '../dossier-store';
import { Rejection, parseOrReject } from '../rejection';
import { ratePayloadSchema } from '../schemas';
import { authorOf, timeWithin, type KindHandler } from './context';
import { NOT_ON_SERVER } from './transition';

export const applyRate: KindHandler = async (ctx, entry) => {
  const rating = parseOrReject(ratePayloadSchema, entry.payload, 'Đánh giá mức độ hài lòng');
  if (rating.dossierId !== entry.entityId) throw new Rejection('Mã định danh của thay đổi không khớp với hồ sơ.', 'entry.entity_mismatch');
  if (rating.rating === 'bad' && !rating.reason?.trim()) throw new Rejection('Đánh giá "Không hài lòng" cần ghi rõ lý do.', 'rating.reason_required');
  const record = await ctx.store.dossier(rating.dossierId);
  if (!record) throw new Rejection(NOT_ON_SERVER, 'dossier.not_on_server');
  if (!mayRate(record.dossier.status)) throw new Rejection('Chỉ đánh giá được hồ sơ đã trả kết quả.', 'rating.not_returned');
  if (rating.at !== undefined) timeWithin(ctx, rating.at, startOf(record.dossier), 'Thời điểm đánh giá');
  if ((record.dossier as { satisfaction?: unknown }).satisfaction !== undefined) throw new Rejection('Hồ sơ này đã được đánh giá.', 'rating.already');
  const satisfaction = {
    rating: rating.rating,
    ...(rating.reason?.trim() ? { reason: rating.reason.trim() } : {}),
    at: rating.at ?? ctx.now.toISOString(),
  };
  const dossier: StoredDossier & { satisfaction: typeof satisfaction } = { ...record.dossier, satisfaction };
  const version = await ctx.store.nextVersion();
  ctx.store.updateDossier(record, dossier, version, authorOf(ctx, 'Công dân'), entry.kind);
  return { serverVersion: version };
};
