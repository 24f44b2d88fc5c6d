// Is a dossier complete enough to receive? Blocking issues stop the receipt (the officer must
// then ask for papers or refuse); warnings are shown but do not block.
import type { Procedure } from '../catalogue';
import { validateEmail, validateFullName, validateIdNumber, validateVietnamesePhone } from '../citizen';
import type { IntakeDraftData, PersonEntry } from './draft';
import { personFieldsTooLong, type PERSON_FIELD_MAX } from './person-limits';

export type IssueCode =
  | 'componentMissing'
  | 'conditionalComponentMissing'
  | 'scanMissing'
  | 'applicantInvalid'
  | 'ownerInvalid'
  | 'contactMissing'
  | 'setsInvalid'
  | 'processingTimeMissing';

/** The labels of the intake form (intake.person.* in src/i18n), so a message names the box to fix. */
const FIELD_LABEL_VI: Record<keyof typeof PERSON_FIELD_MAX, string> = {
  fullName: 'Họ và tên',
  idNumber: 'Số định danh cá nhân',
  birthDate: 'Ngày sinh',
  address: 'Nơi cư trú',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
};

export interface IntakeIssue {
  code: IssueCode;
  /** Which part of the form: 'applicant.idNumber', 'components.2', ... */
  field: string;
  message: string;
  /** For component issues: the component's index in the procedure, for Mẫu 02. */
  componentIndex?: number;
}

export interface IntakeValidation {
  blocking: IntakeIssue[];
  warnings: IntakeIssue[];
}

/** The fields of one person longer than the gateway takes, each naming its box and the limit. */
export function personLengthIssues(person: PersonEntry, prefix: 'applicant' | 'owner', code: IssueCode): IntakeIssue[] {
  const who = prefix === 'applicant' ? 'Người nộp' : 'Chủ hồ sơ';
  return personFieldsTooLong(person).map(({ field, max, length }) => ({
    code,
    field: `${prefix}.${field}`,
    message: `${who}: ô "${FIELD_LABEL_VI[field]}" dài ${length} ký tự, quá giới hạn ${max} ký tự máy chủ nhận. Hãy rút gọn (kiểm tra lại nội dung vừa dán).`,
  }));
}

/** What is wrong with one person of the dossier (the intake's check, also the one a refused dossier's fix passes). */
export function personIssues(person: PersonEntry, prefix: 'applicant' | 'owner', code: IssueCode): IntakeIssue[] {
  const issues: IntakeIssue[] = [];
  const who = prefix === 'applicant' ? 'Người nộp' : 'Chủ hồ sơ';
  // Longer than the gateway takes: said first and alone for that field (its other checks would only
  // describe the pasted clutter), since a dossier received with it would be refused after sync.
  issues.push(...personLengthIssues(person, prefix, code));
  const long = new Set<string>(personFieldsTooLong(person).map((t) => t.field));
  const name = validateFullName(person.fullName);
  if (!name.ok && !long.has('fullName')) issues.push(...name.errors.map((e) => ({ code, field: `${prefix}.fullName`, message: `${who}: ${e.message}` })));
  const sex = person.sex === '' ? undefined : person.sex;
  const id = validateIdNumber(person.idNumber, { birthDate: person.birthDate || undefined, sex });
  if (!id.ok && !long.has('idNumber')) issues.push(...id.errors.map((e) => ({ code, field: `${prefix}.idNumber`, message: `${who}: ${e.message}` })));
  if (prefix === 'applicant' && person.address.trim() === '') {
    issues.push({ code, field: 'applicant.address', message: 'Người nộp: chưa có địa chỉ.' });
  }
  if (person.phone.trim() !== '' && !long.has('phone')) {
    const phone = validateVietnamesePhone(person.phone);
    if (!phone.ok) issues.push(...phone.errors.map((e) => ({ code, field: `${prefix}.phone`, message: `${who}: ${e.message}` })));
  }
  if (person.email.trim() !== '' && !long.has('email')) {
    const email = validateEmail(person.email);
    if (!email.ok) issues.push(...email.errors.map((e) => ({ code, field: `${prefix}.email`, message: `${who}: ${e.message}` })));
  }
  return issues;
}

/** The issues of a dossier's people: the applicant, and the owner when the applicant is not the owner. */
export function peopleIssues(people: Pick<IntakeDraftData, 'applicant' | 'ownerIsApplicant' | 'owner'>): IntakeIssue[] {
  const issues = personIssues(people.applicant, 'applicant', 'applicantInvalid');
  if (!people.ownerIsApplicant) issues.push(...personIssues(people.owner, 'owner', 'ownerInvalid'));
  return issues;
}

/**
 * Checks a draft against its procedure. `scannedComponents` holds the indexes of components that
 * have at least one attached scan; papers only shown (presentOnly) need none.
 */
export function validateIntake(data: IntakeDraftData, procedure: Procedure, scannedComponents: ReadonlySet<number> = new Set()): IntakeValidation {
  const blocking: IntakeIssue[] = peopleIssues(data);
  const warnings: IntakeIssue[] = [];
  if (data.applicant.phone.trim() === '' && data.applicant.email.trim() === '') {
    warnings.push({ code: 'contactMissing', field: 'applicant.phone', message: 'Chưa có số điện thoại hoặc thư điện tử để báo kết quả.' });
  }
  if (!Number.isInteger(data.sets) || data.sets < 1) {
    blocking.push({ code: 'setsInvalid', field: 'sets', message: 'Số bộ hồ sơ phải là số nguyên từ 1 trở lên.' });
  }
  if (data.processingDays === null || !Number.isFinite(data.processingDays) || data.processingDays < 0) {
    blocking.push({
      code: 'processingTimeMissing',
      field: 'processingDays',
      message: 'Chưa có thời hạn giải quyết của thủ tục: hãy nhập số ngày làm việc theo quy định.',
    });
  }
  procedure.components.forEach((component, index) => {
    const entry = data.components[index];
    const received = entry?.received === true && entry.count > 0;
    const needed = component.required || entry?.conditionApplies === true;
    if (needed && !received) {
      blocking.push({
        code: component.required ? 'componentMissing' : 'conditionalComponentMissing',
        field: `components.${index}`,
        componentIndex: index,
        message: component.required
          ? `Thiếu giấy tờ bắt buộc: ${component.name}`
          : `Thiếu giấy tờ (trường hợp ${component.condition ?? 'có điều kiện'}): ${component.name}`,
      });
    }
    if (received && !component.presentOnly && !scannedComponents.has(index)) {
      warnings.push({
        code: 'scanMissing',
        field: `components.${index}`,
        componentIndex: index,
        message: `Chưa số hóa: ${component.name}`,
      });
    }
  });
  return { blocking, warnings };
}
