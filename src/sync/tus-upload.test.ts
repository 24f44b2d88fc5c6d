// A failed upload is judged by the gateway's answer: a refused token stops the pump, bytes the
// gateway refused for good are not retried blindly, bytes damaged on the way are sent again from
// the start, anything else is worth another try.
import type { DetailedError, HttpResponse } from 'tus-js-client';
import { describe, expect, it } from 'vitest';
import { uploadOutcomeOf } from './tus-upload';

function failed(status: number | null, body = ''): DetailedError {
  const response =
    status === null ? null : ({ getStatus: () => status, getBody: () => body, getHeader: () => undefined, getUnderlyingObject: () => null } as HttpResponse);
  return Object.assign(new Error('tus: failed to upload chunk'), {
    originalRequest: null,
    originalResponse: response,
    causingError: null,
  }) as unknown as DetailedError;
}

describe('uploadOutcomeOf', () => {
  it('asks for enrolment on 401', () => {
    expect(uploadOutcomeOf(failed(401))).toEqual({ kind: 'auth' });
  });
  it("keeps the gateway's reason when it refuses the bytes for good", () => {
    expect(uploadOutcomeOf(failed(413))).toEqual({ kind: 'refused', reason: 'Máy chủ từ chối tệp (413).' });
    expect(uploadOutcomeOf(failed(400, 'Thiếu mã SHA-256 của tệp.\n'))).toEqual({ kind: 'refused', reason: 'Thiếu mã SHA-256 của tệp.' });
  });
  it('tells bytes damaged on the way (hash mismatch) from bytes refused for good: they are worth sending again', () => {
    expect(uploadOutcomeOf(failed(460, 'Tệp nhận được không khớp mã SHA-256 đã khai báo.\n'))).toEqual({
      kind: 'damaged',
      reason: 'Tệp nhận được không khớp mã SHA-256 đã khai báo.',
    });
  });
  it('retries a gateway fault, a held lock and a dropped link', () => {
    expect(uploadOutcomeOf(failed(503))).toMatchObject({
      kind: 'retry',
      reason: { code: 'sync.upload_status', message: 'Máy chủ trả lời 503 khi nhận tệp.', params: { status: 503 } },
    });
    expect(uploadOutcomeOf(failed(423))).toMatchObject({ kind: 'retry' });
    expect(uploadOutcomeOf(failed(null))).toMatchObject({
      kind: 'retry',
      reason: { code: 'sync.upload_offline', message: expect.stringMatching(/^Mất kết nối khi gửi tệp/) },
    });
    expect(uploadOutcomeOf(new Error('network down'))).toMatchObject({ kind: 'retry' });
  });
});
