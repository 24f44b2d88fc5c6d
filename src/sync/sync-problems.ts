// Why sync stopped or waits, as coded errors (MotcuaError): the Đồng bộ page shows each in the
// interface's language (errors.sync.* in src/i18n/errors.*.ts), with the Vietnamese text below as
// written when the language has none. The browser's own words for a network failure ride along
// as `detail`: they are all a desk has to tell its IT support.
import { MotcuaError } from '../domain/errors';

const said = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

export const syncProblems = {
  sendOffline: (error: unknown) => {
    const detail = said(error);
    return new MotcuaError('sync.send_offline', `Mất kết nối khi gửi (${detail})`, { detail });
  },
  serverStatus: (status: number) => new MotcuaError('sync.server_status', `Máy chủ trả lời ${status}`, { status }),
  noAnswer: () => new MotcuaError('sync.no_answer', 'Máy chủ không trả lời cho lô này'),
  signedOut: () => new MotcuaError('sync.signed_out', 'Máy chủ không nhận mã truy cập của thiết bị (đã bị thu hồi hoặc hết hạn): hãy kích hoạt lại thiết bị.'),
  notEnrolled: () => new MotcuaError('sync.not_enrolled', 'Thiết bị chưa được kích hoạt: hãy kích hoạt thiết bị trên trang Đồng bộ.'),
  checkOffline: (error: unknown) => {
    const detail = said(error);
    return new MotcuaError('sync.check_offline', `Mất kết nối khi kiểm tra tệp (${detail}).`, { detail });
  },
  checkStatus: (status: number) => new MotcuaError('sync.check_status', `Máy chủ trả lời ${status} khi kiểm tra tệp.`, { status }),
  uploadOffline: (error: unknown) => {
    const detail = said(error);
    return new MotcuaError('sync.upload_offline', `Mất kết nối khi gửi tệp (${detail}).`, { detail });
  },
  uploadStatus: (status: number) => new MotcuaError('sync.upload_status', `Máy chủ trả lời ${status} khi nhận tệp.`, { status }),
  /** The gateway's words for a damaged arrival (its own Vietnamese), to be sent again. */
  uploadDamaged: (reason: string) => new MotcuaError('sync.upload_damaged', reason),
  pullSignedOut: () => new MotcuaError('sync.pull_signed_out', 'Phiên làm việc đã hết hạn: hãy kích hoạt lại thiết bị / đăng nhập lại.'),
  pullMalformed: (problem: string) =>
    new MotcuaError('sync.pull_malformed', `Dữ liệu nhận từ máy chủ không hợp lệ (${problem}); máy chưa ghi thay đổi nào từ lần nhận này.`, { problem }),
  pullRefused: (status: number) => new MotcuaError('sync.pull_refused', `Máy chủ từ chối cho nhận thay đổi (${status}).`, { status }),
  pullWriteFailed: (problem: string) =>
    new MotcuaError('sync.pull_write_failed', `Không ghi được thay đổi nhận từ máy chủ vào máy (${problem}); sẽ thử lại.`, { problem }),
  /** A local fault (storage full, a bug): a coded error as it is, anything else by its words. */
  local: (error: unknown) => {
    if (error instanceof MotcuaError) return error;
    const reason = said(error);
    return new MotcuaError('generic', reason, { reason });
  },
};
