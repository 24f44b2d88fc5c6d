// Test helpers for the database: the procedure and applicant of a typical birth-registration
// dossier (fake person, demo catalogue), to spread into a row. Imported only by *.test.ts.
import type { DossierRow } from './schema';

export const sampleBirthDossier = {
  procedureCode: '1.001193',
  procedureName: 'Thủ tục đăng ký khai sinh',
  field: 'Hộ tịch',
  catalogueVersion: 1,
  applicantName: 'Nguyễn Văn Mẫu',
  applicantIdNumber: '001099000001',
} as const satisfies Partial<DossierRow>;
