// What may be added to a dossier after the desk has received it, by status: the result paper
// (giấy tờ kết quả) and the citizen's rating. The app and the gateway both ask these, so a
// dossier the desk accepts is never refused upstream for a rule stated twice.
import { DossierStatus, type DossierStatusCode } from './status';

/** Đang xử lý, Đã xử lý xong, Đã trả kết quả: a result paper may be attached while processing or after. */
export const RESULT_ATTACHABLE_STATUSES: readonly DossierStatusCode[] = [DossierStatus.Processing, DossierStatus.ResultReady, DossierStatus.Returned];

/** Whether a result paper may be attached to a dossier in this status (any number: rows from storage). */
export function mayAttachResult(status: number): boolean {
  return (RESULT_ATTACHABLE_STATUSES as readonly number[]).includes(status);
}

/** The citizen rates the service once the result is in their hands, never before. */
export function mayRate(status: number): boolean {
  return status === DossierStatus.Returned;
}
