// Maps what the device stores (a dossier, a draft) to the props of the printed papers.
import type { Procedure } from '../../../domain/catalogue';
import type { IntakeDraftData, IntakeValidation } from '../../../domain/intake';
import type { CommuneInfo, DeskProfile } from '../../../db';
import { paperPerson, paperUnit, type SupplementRequestPaperProps } from '../../../shared/ui/papers';
// The receipt's mapping moved down to shared (the desk prints it too); named here for the intake's own users.
export { componentLines, receiptProps, receiptQrText } from '../../../shared/ui/papers';

export function supplementProps(
  data: IntakeDraftData,
  procedure: Procedure,
  validation: IntakeValidation,
  commune: CommuneInfo,
  officer: DeskProfile,
  size: 'A4' | 'A5',
): SupplementRequestPaperProps {
  return {
    size,
    unit: paperUnit(commune),
    applicant: paperPerson(data.applicant),
    procedure: { code: procedure.code, name: procedure.name },
    missing: validation.blocking
      .filter((i) => i.componentIndex !== undefined)
      .map((i) => ({
        name: procedure.components[i.componentIndex!]?.name ?? '',
        reason: i.code === 'componentMissing' ? 'Giấy tờ bắt buộc chưa nộp' : 'Giấy tờ cần cho trường hợp này chưa nộp',
      })),
    officer: { fullName: officer.officerName, phone: officer.officerPhone || undefined },
    issuedAt: new Date().toISOString(),
  };
}
