// The team's list states each submission in the words issue 15 names, from the row pull keeps current.
import { describe, expect, it } from 'vitest';
import type { DossierRow } from '../../db';
import { submissionState } from './submission-state';

const at = '2026-03-02T01:00:00.000Z';
function row(
  status: number,
  syncState: DossierRow['syncState'],
  extra: Partial<DossierRow> = {},
  data: Record<string, unknown> = {},
  log: unknown[] = [],
): DossierRow {
  return {
    id: 'd1',
    code: 'ABCDE-FGHJK',
    lookupCode: 'ABCDE-FGHJK',
    status,
    procedureCode: 'p',
    procedureName: 'Khai sinh',
    field: 'Hộ tịch',
    catalogueVersion: 1,
    applicantName: 'A',
    applicantIdNumber: '1',
    receivedAt: at,
    dueAt: at,
    syncState,
    updatedAt: at,
    data: { state: { status, log, receivedAt: null, appointmentAt: null, supplementRequests: 0 }, ...data },
    ...extra,
  };
}

describe('submissionState', () => {
  it('waits, then is sent', () => {
    expect(submissionState(row(1, 'waiting'))).toEqual({ kind: 'waiting' });
    expect(submissionState(row(1, 'accepted'))).toEqual({ kind: 'sent' });
    expect(submissionState(row(1, 'rejected'))).toEqual({ kind: 'quarantined' });
  });
  it('is received with the official code', () => {
    expect(submissionState(row(2, 'accepted', { code: '2.000.XA-260302-0001' }))).toEqual({ kind: 'received', code: '2.000.XA-260302-0001' });
  });
  it('says what the desk asked for, and why it refused', () => {
    const asked = row(5, 'accepted', {}, {}, [
      { who: 'B', role: 'receptionOfficer', at, action: 'requestSupplement', from: 1, to: 5, note: 'Thiếu giấy chứng sinh' },
    ]);
    expect(submissionState(asked)).toEqual({ kind: 'supplement', what: 'Thiếu giấy chứng sinh' });
    expect(submissionState(row(3, 'accepted', {}, { refusalReason: 'Không thuộc thẩm quyền' }))).toEqual({ kind: 'refused', why: 'Không thuộc thẩm quyền' });
  });
});
