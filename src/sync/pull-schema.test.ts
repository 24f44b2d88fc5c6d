// The pull answer's shape as the device checks it: a community team's submission (issue 15) passes
// without a code or a receipt when it carries its lookup code and time of submission, and not otherwise.
import { describe, expect, it } from 'vitest';
import { parsePullAnswer } from './pull-schema';

const AT = '2026-03-02T01:00:00.000Z';
const row = {
  id: 'd-0001',
  status: 1,
  procedureCode: '1.001',
  procedureName: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  catalogueVersion: 1,
  applicantName: 'Nguyễn Văn Mẫu',
  applicantIdNumber: '001099000001',
  updatedAt: AT,
  data: { state: { log: [{ who: 'Hà Thị Tổ', role: 'communityTeam', at: AT, action: 'submit', from: null, to: 1 }] } },
};
const page = (dossier: object) => ({
  reset: false,
  checkpoint: 5,
  hasMore: false,
  changes: [{ type: 'dossier', version: 5, dossier, changedBy: { deviceId: 't', staffId: null, name: 'Hà Thị Tổ', kind: 'dossier.submit' } }],
});

describe('parsePullAnswer', () => {
  it('takes a submission with its lookup code and time of submission, and a received dossier with its code and receipt', () => {
    expect(parsePullAnswer(page({ ...row, lookupCode: 'AB12C-D34EF', submittedAt: AT }), 0).ok).toBe(true);
    expect(parsePullAnswer(page({ ...row, status: 2, code: '000.00.12.H38-260302-0001', receivedAt: AT, dueAt: AT }), 0).ok).toBe(true);
  });

  it('refuses a dossier with neither', () => {
    expect(parsePullAnswer(page(row), 0).ok).toBe(false);
    expect(parsePullAnswer(page({ ...row, lookupCode: 'AB12C-D34EF' }), 0).ok).toBe(false);
  });
});
