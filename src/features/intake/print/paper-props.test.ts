// The receipt states the time limit the desk applied, never the catalogue's wording with its
// research notes: checked on the printed text, for every procedure of the demo catalogue.
import { describe, expect, it } from 'vitest';
import { demoCatalogue } from '../../../domain/catalogue';
import { newDraftData } from '../../../domain/intake';
import type { DossierData, DossierRow } from '../../../db';
import { ReceiptPaper } from '../../../shared/ui/papers/ReceiptPaper';
import { html, textOf } from '../../../shared/ui/papers/test-support';
import { receiptProps } from './paper-props';

const commune = { id: 'x', name: 'Xã Bản Mẫu', provinceCode: '15', agencyCode: '000.00.12.H38', officeHours: null };

function receivedRow(procedure: ReturnType<typeof demoCatalogue>['procedures'][number]): DossierRow {
  const intake = { ...newDraftData(procedure, 1), processingDays: procedure.processingDays ?? 3 };
  intake.applicant = { ...intake.applicant, fullName: 'Nguyễn Văn Mẫu', idNumber: '001099000001', address: 'Thôn Nà Pồ' };
  const data = {
    intake,
    procedure: {
      code: procedure.code,
      name: procedure.name,
      field: procedure.field,
      processingText: procedure.processingText,
      components: procedure.components,
    },
    commune,
    officer: { officerName: 'Lò Thị Mai', officerPhone: '' },
  } as unknown as DossierData;
  return {
    id: 'd1',
    code: '000.00.12.H38-261206-0001',
    status: 2,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    field: procedure.field,
    catalogueVersion: 1,
    applicantName: 'Nguyễn Văn Mẫu',
    applicantIdNumber: '001099000001',
    receivedAt: '2026-12-06T02:00:00.000Z',
    dueAt: '2026-12-09T02:00:00.000Z',
    syncState: 'waiting',
    data,
    updatedAt: '2026-12-06T02:00:00.000Z',
  };
}

const procedures = demoCatalogue().procedures;

describe('the receipt and the catalogue’s notes', () => {
  it('the demo catalogue does carry research notes in its wording (else this test proves nothing)', () => {
    expect(procedures.some((p) => /DVCQG|Inferred|dataset|not verified/i.test(p.processingText ?? ''))).toBe(true);
  });

  it.each(procedures.map((p) => [p.code, p] as const))('%s: prints its time limit, and none of the catalogue’s notes or sources', (_code, procedure) => {
    const text = textOf(html(ReceiptPaper, receiptProps(receivedRow(procedure), 'A4')));
    const days = procedure.processingDays ?? 3;
    const limit = days === 0 ? 'Trong ngày làm việc' : procedure.countedIn === 'calendarDays' ? `${days} ngày (tính theo ngày lịch)` : `${days} ngày làm việc`;
    expect(text).toContain(`3. Thời gian giải quyết hồ sơ theo quy định là: ${limit}`);
    expect(text).not.toMatch(/DVCQG|Inferred|inferred|dataset|verified|Not found|https?:\/\//);
    if (procedure.processingText) expect(text).not.toContain(textOf(procedure.processingText));
    for (const source of [...procedure.source, ...procedure.legalBasis]) expect(text).not.toContain(source);
  });
});

describe("the receipt's status-page QR", () => {
  it('holds the status page address for the dossier code on the gateway the app came from', () => {
    const row = receivedRow(procedures[0]!);
    expect(receiptProps(row, 'A4', 'http://localhost:8080').statusUrl).toBe('http://localhost:8080/tra-cuu-ho-so?ma=000.00.12.H38-261206-0001');
    expect(receiptProps(row, 'A4').statusUrl).toBeUndefined();
  });

  it('is left off while the code is provisional: the gateway will know the dossier by its official code', () => {
    const row = { ...receivedRow(procedures[0]!), code: 'TAM-AB12-261206-0001', provisionalCode: 'TAM-AB12-261206-0001' };
    expect(receiptProps(row, 'A4', 'http://localhost:8080').statusUrl).toBeUndefined();
  });
});
