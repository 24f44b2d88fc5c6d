// Props of the printed papers of dossier intake (Thông tư 01/2018/TT-VPCP annex, Mẫu 01-03, and
// the fee receipt). Plain data: the intake flow fills them from the dossier it has just written.

/** Khổ giấy: the papers are laid out for A4 and A5 portrait. */
export type PaperSize = 'A4' | 'A5';

/** The receiving unit (cơ quan, đơn vị tiếp nhận) as printed in the header's left block. */
export interface PaperUnit {
  /** Printed in bold capitals, e.g. "UBND xã Bản Mẫu" or "Trung tâm Phục vụ hành chính công xã Bản Mẫu". */
  name: string;
  /** The authority above it (cơ quan chủ quản), printed above the name, e.g. "UBND tỉnh Lào Cai". */
  parentName?: string;
  /** Mã định danh of the unit, e.g. "000.00.12.H38" (the first part of its dossier codes). */
  agencyCode: string;
  address?: string;
  phone?: string;
  /** Địa danh for the "…, ngày … tháng … năm …" line, e.g. "Bản Mẫu". */
  place?: string;
}

/** The citizen (ông/bà) the paper is addressed to. */
export interface PaperPerson {
  fullName: string;
  /** Số định danh cá nhân (12-digit CCCD/căn cước number) or another ID paper's number. */
  idNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** One row of "Thành phần hồ sơ": how many originals / certified copies / photocopies were handed in. */
export interface PaperComponentLine {
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

export interface PaperOfficer {
  fullName: string;
  phone?: string;
}

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01). */
export interface ReceiptPaperProps {
  size: PaperSize;
  unit: PaperUnit;
  dossierCode: string;
  /** A provisional code (no reserved number was left offline) is marked as such on the paper. */
  provisional: boolean;
  applicant: PaperPerson;
  procedure: { code: string; name: string; processingText: string };
  components: PaperComponentLine[];
  sets: number;
  receivedAt: string; // ISO instant
  dueAt: string; // ISO instant
  resultPlace: string;
  officer: PaperOfficer;
  /** Lookup text encoded in the QR at the top left (Thông tư 01/2023/TT-VPCP). */
  qrText: string;
  /** Pre-rendered QR SVG (tests, server rendering); without it the QR is drawn in the browser. */
  qrSvg?: string;
  /**
   * The citizen status page's address for this dossier, in a second, smaller QR beside the
   * appointment; none while the code is provisional (the gateway will know the dossier by another).
   */
  statusUrl?: string;
  /** Which copy (liên) this is; printed under the title when given. */
  copy?: 'applicant' | 'archive';
}

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02). */
export interface SupplementRequestPaperProps {
  size: PaperSize;
  unit: PaperUnit;
  dossierCode?: string;
  applicant: PaperPerson;
  procedure: { code: string; name: string };
  /** What is missing or must be corrected, and why. */
  missing: { name: string; reason: string }[];
  officer: PaperOfficer;
  issuedAt: string; // ISO instant
}

/** Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03). */
export interface RefusalPaperProps {
  size: PaperSize;
  unit: PaperUnit;
  applicant: PaperPerson;
  procedure: { code: string; name: string };
  reason: string;
  officer: PaperOfficer;
  issuedAt: string; // ISO instant
}

export interface FeeReceiptLine {
  label: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

/** The unit that collects the fee, with the receipt's tax registration and symbols. */
export interface FeeReceiptUnit extends PaperUnit {
  taxCode: string;
  /** Mẫu số (form symbol) of the receipt. */
  formSymbol: string;
  /** Ký hiệu (serial symbol) of the receipt. */
  serialSymbol: string;
}

export type FeePaymentMethod = 'cash' | 'transfer';

/** Biên lai thu phí, lệ phí. */
export interface FeeReceiptPaperProps {
  size: PaperSize;
  unit: FeeReceiptUnit;
  /** Số biên lai. */
  number: string;
  lines: FeeReceiptLine[];
  total: number;
  payer: PaperPerson;
  dossierCode: string;
  method: FeePaymentMethod;
  issuedAt: string; // ISO instant
  /** Người thu tiền, printed under the collector's signature when given. */
  collector?: PaperOfficer;
}

/** Bank-transfer details shown as a VietQR. */
export interface TransferQrProps {
  /** 6-digit NAPAS BIN of the unit's bank. */
  bankBin: string;
  accountNumber: string;
  accountName: string;
  /** Whole đồng. */
  amount: number;
  /** Transfer content; folded to ASCII in the QR (banks refuse diacritics). */
  purpose: string;
  bankName?: string;
  /** Bill number in the QR (62/01), e.g. the dossier code, for reconciliation. */
  billNumber?: string;
  /** Pre-rendered QR SVG (tests, server rendering). */
  qrSvg?: string;
}
