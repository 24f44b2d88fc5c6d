// A change the gateway refuses, with the reason in Vietnamese an officer can act on. Thrown inside
// the entry's transaction so nothing of it is kept; the refusal itself is then recorded.
// It is the one coded error (MotcuaError): its code travels beside the reason in the push result,
// so a desk whose interface is not Vietnamese can say it in its language.
import type { z } from 'zod';
import { MotcuaError, type ErrorParams } from '../../src/domain/errors/coded-error';
import { unknownFieldNames } from '../../src/domain/schema/unknown-fields';

export class Rejection extends MotcuaError {
  constructor(reason: string, code = 'entry.refused', params?: ErrorParams) {
    super(code, reason, params);
    this.name = 'Rejection';
  }

  /** The Vietnamese text sent to the device (and shown there in Vietnamese). */
  get reason(): string {
    return this.message;
  }
}

const FIELD_LABELS: Record<string, string> = {
  id: 'mã định danh hồ sơ',
  code: 'mã hồ sơ',
  receivedAt: 'thời điểm tiếp nhận',
  dueAt: 'ngày hẹn trả',
  applicantName: 'họ tên chủ hồ sơ',
  applicantIdNumber: 'số giấy tờ của chủ hồ sơ',
  procedureCode: 'mã thủ tục',
  'data.intake': 'thông tin tiếp nhận',
  // The people's fields by name: the officer can correct them and send the dossier again.
  'data.intake.applicant.fullName': 'họ tên của người nộp',
  'data.intake.applicant.idNumber': 'số định danh của người nộp',
  'data.intake.applicant.birthDate': 'ngày sinh của người nộp',
  'data.intake.applicant.sex': 'giới tính của người nộp',
  'data.intake.applicant.address': 'địa chỉ của người nộp',
  'data.intake.applicant.phone': 'số điện thoại của người nộp',
  'data.intake.applicant.email': 'thư điện tử của người nộp',
  'data.intake.owner.fullName': 'họ tên của chủ hồ sơ',
  'data.intake.owner.idNumber': 'số định danh của chủ hồ sơ',
  'data.intake.owner.birthDate': 'ngày sinh của chủ hồ sơ',
  'data.intake.owner.sex': 'giới tính của chủ hồ sơ',
  'data.intake.owner.address': 'địa chỉ của chủ hồ sơ',
  'data.intake.owner.phone': 'số điện thoại của chủ hồ sơ',
  'data.intake.owner.email': 'thư điện tử của chủ hồ sơ',
  'data.state': 'trạng thái hồ sơ',
  'data.commune': 'thông tin xã',
  'data.procedure': 'thông tin thủ tục',
  'data.fees': 'phí, lệ phí',
  dossierId: 'mã định danh hồ sơ',
  action: 'thao tác',
  actor: 'người thực hiện',
  at: 'thời điểm thực hiện',
  rating: 'mức đánh giá',
  sha256: 'mã SHA-256 của tệp',
  name: 'tên tệp',
  type: 'loại tệp',
  size: 'kích thước tệp',
  reason: 'lý do',
  papers: 'giấy tờ bổ sung',
  items: 'giấy tờ cần bổ sung',
  officerPhone: 'số điện thoại của cán bộ',
};

function label(path: PropertyKey[]): string {
  const parts = path.map(String);
  for (let n = parts.length; n > 0; n--) {
    const known = FIELD_LABELS[parts.slice(0, n).join('.')];
    if (known) return n === parts.length ? known : `${known} (${parts.slice(n).join('.')})`;
  }
  return parts.join('.') || 'nội dung';
}

/** A field the gateway does not know is named as such (cut short: its name came from outside). */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return label(issue.path);
  const at = issue.path.length > 0 ? ` trong ${label(issue.path)}` : '';
  return `trường lạ ${unknownFieldNames(issue.keys, 3)}${at}`;
}

/** Parses or throws a Rejection naming (at most three of) the fields at fault. */
export function parseOrReject<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map(describe))];
  const shown = fields.slice(0, 3).join('; ');
  const more = fields.length > 3 ? ` và ${fields.length - 3} chỗ khác` : '';
  throw new Rejection(`${what} thiếu hoặc sai thông tin: ${shown}${more}.`, 'entry.invalid_fields');
}
