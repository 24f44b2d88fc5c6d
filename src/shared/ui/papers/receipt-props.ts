// What a received dossier prints on its receipt (Mẫu 01), mapped from the device's row: shared by
// the intake's receipt and the desk's receipt of a community team's online submission (issue 15).
import type { Procedure } from '../../../domain/catalogue';
import { statusPageUrl } from '../../../domain/dossier';
import type { IntakeDraftData } from '../../../domain/intake';
import type { DossierData, DossierRow } from '../../../db';
import { paperPerson, paperUnit } from './desk-props';
import type { PaperComponentLine, ReceiptPaperProps } from './types';

export function componentLines(data: IntakeDraftData, procedure: Pick<Procedure, 'components'>): PaperComponentLine[] {
  return data.components
    .filter((c) => c.received && c.count > 0)
    .map((c) => ({
      name: procedure.components[c.index]?.name ?? '',
      originals: c.receivedAs === 'original' ? c.count : 0,
      certifiedCopies: c.receivedAs === 'certifiedCopy' ? c.count : 0,
      photocopies: c.receivedAs === 'photocopy' ? c.count : 0,
    }));
}

/** The lookup text of the receipt's QR (Thông tư 01/2023): code, procedure, ID, paper, system, times. */
export function receiptQrText(dossier: DossierRow, data: DossierData): string {
  return [
    `MaHoSo:${dossier.code}`,
    `MaTTHC:${dossier.procedureCode}`,
    `SoGiayTo:${dossier.applicantIdNumber}`,
    'GiayTo:Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    'HeThong:Motcua',
    `NgayTiepNhan:${dossier.receivedAt}`,
    `NgayHenTra:${dossier.dueAt}`,
    `DonVi:${data.commune.agencyCode}`,
  ].join('|');
}

/**
 * `origin` is the gateway's (the app is served by it): the receipt's second QR opens the citizen
 * status page there. A provisional code gets none: the gateway will know the dossier by another.
 */
export function receiptProps(dossier: DossierRow, size: 'A4' | 'A5', origin?: string): ReceiptPaperProps {
  const data = dossier.data as DossierData;
  const applicant = data.intake.applicant;
  const provisional = dossier.provisionalCode === dossier.code;
  return {
    size,
    unit: paperUnit(data.commune),
    dossierCode: dossier.code,
    provisional,
    applicant: paperPerson(applicant),
    // The time limit the appointment was computed from, in its unit; never the catalogue's wording,
    // which carries the researchers' source notes ("(DVCQG)", "Inferred …") not meant for citizens.
    procedure: { code: data.procedure.code, name: data.procedure.name, processingText: describeDays(data.intake) },
    components: componentLines(data.intake, data.procedure),
    sets: data.intake.sets,
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    resultPlace: `Bộ phận Một cửa ${paperUnit(data.commune).name}`,
    officer: { fullName: data.officer.officerName, phone: data.officer.officerPhone || undefined },
    qrText: receiptQrText(dossier, data),
    ...(origin && !provisional ? { statusUrl: statusPageUrl(origin, dossier.code) } : {}),
  };
}

/** The time limit in the receipt's words, in the unit it counts in (the dossier's own, as received). */
function describeDays(intake: Pick<IntakeDraftData, 'processingDays' | 'countedIn'>): string {
  const days = intake.processingDays;
  if (days === null) return '';
  if (days === 0) return 'Trong ngày làm việc';
  return intake.countedIn === 'calendarDays' ? `${days} ngày (tính theo ngày lịch)` : `${days} ngày làm việc`;
}
