// Payment: fee rules and quotes (phí, lệ phí), amounts in figures and in Vietnamese words for
// receipts, and VietQR bank-transfer payloads with their CRC. Pure functions; results carry
// stable PaymentErrorCode codes with Vietnamese messages.

export { crc16CcittFalse } from './crc16';
export { buildVietQr, parseVietQr, foldToAscii, NAPAS_GUID, SERVICE_TO_ACCOUNT, SERVICE_TO_CARD, CURRENCY_VND, MAX_ADDITIONAL_DATA_LENGTH } from './vietqr';
export type { VietQrInput, VietQrData } from './vietqr';
export { decodeTlv, tlv } from './tlv';
export type { TlvField } from './tlv';
export { amountInWords, numberToVietnameseWords } from './amount-in-words';
export type { AmountInWordsOptions } from './amount-in-words';
export { formatVnd } from './format';
export { computeFee, computeFees, certifiedCopyPrice, parseFeeRule, feeRuleSchema, NATIONAL_FEE_RULES, EXEMPTION_REASONS } from './fees';
export type { FeeRule, FeeInput, FeeLine, FeeQuote, ExemptionReason } from './fees';
export { PaymentErrorCode } from './errors';
export type { FieldError, Result } from './result';
