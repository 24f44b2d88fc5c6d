// Printed papers of a dossier, for the intake flow's and the dossier desk's print views: receipt and appointment
// (Mẫu 01), supplement request (Mẫu 02), refusal (Mẫu 03), fee receipt, VietQR transfer block,
// and the print frame (toolbar, A4/A5, print CSS).
export { ReceiptPaper, RECEIPT_TITLE, PROVISIONAL_NOTE, STATUS_QR_CAPTION } from './ReceiptPaper';
export { SupplementRequestPaper, SUPPLEMENT_TITLE } from './SupplementRequestPaper';
export { RefusalPaper, REFUSAL_TITLE } from './RefusalPaper';
export { FeeReceiptPaper, FEE_RECEIPT_TITLE, PAYMENT_METHOD_LABELS } from './FeeReceiptPaper';
export { feeReceiptProblems } from './fee-receipt-check';
export { TransferQr, AWAITING_RECONCILIATION } from './TransferQr';
export { PrintFrame } from './PrintFrame';
export type { PrintFrameProps } from './PrintFrame';
export { useQrSvg } from './useQrSvg';
export type { QrSvgState } from './useQrSvg';
export { loadQrSvg } from './qr-svg';
export { paperUnit, paperPerson } from './desk-props';
export { componentLines, receiptProps, receiptQrText } from './receipt-props';
export { vnTimePhrase, vnDatePhrase, placeDateLine } from './paper-time';
export type {
  PaperSize,
  PaperUnit,
  PaperPerson,
  PaperComponentLine,
  PaperOfficer,
  ReceiptPaperProps,
  SupplementRequestPaperProps,
  RefusalPaperProps,
  FeeReceiptLine,
  FeeReceiptUnit,
  FeePaymentMethod,
  FeeReceiptPaperProps,
  TransferQrProps,
} from './types';
