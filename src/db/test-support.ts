// Test helpers for the database: the procedure and applicant of a typical birth-registration
// dossier (fake person, demo catalogue), to spread into a row, and a pending outbox entry.
// Imported only by *.test.ts.
import type { DossierRow, OutboxEntry } from './schema';

/** A change waiting to be sent, as addEntry takes it. */
export const pendingEntry = (kind: string, entityId: string, payload: unknown = {}): OutboxEntry => ({
  kind,
  entityId,
  payload,
  createdAt: '2026-03-02T01:00:00.000Z',
  status: 'pending',
  attempts: 0,
});

export const sampleBirthDossier = {
  procedureCode: '1.001193',
  procedureName: 'Thủ tục đăng ký khai sinh',
  field: 'Hộ tịch',
  catalogueVersion: 1,
  applicantName: 'Nguyễn Văn Mẫu',
  applicantIdNumber: '001099000001',
} as const satisfies Partial<DossierRow>;
