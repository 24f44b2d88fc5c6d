// Stable error codes of the payment rules (VietQR, fees); the UI translates by code.

export const PaymentErrorCode = {
  VietQrEmpty: 'vietqr.empty',
  VietQrMalformed: 'vietqr.tlv_malformed',
  VietQrCrcMissing: 'vietqr.crc_missing',
  VietQrCrcMismatch: 'vietqr.crc_mismatch',
  VietQrNotVietQr: 'vietqr.not_vietqr',
  VietQrUnsupportedService: 'vietqr.unsupported_service',
  VietQrCurrency: 'vietqr.currency',
  VietQrCountry: 'vietqr.country',
  VietQrBankBin: 'vietqr.bank_bin',
  VietQrAccount: 'vietqr.account',
  VietQrAmount: 'vietqr.amount',
  VietQrBillNumber: 'vietqr.bill_number',
  VietQrPurpose: 'vietqr.purpose',
  FeeRuleInvalid: 'fee.rule_invalid',
  FeePagesRequired: 'fee.pages_required',
  FeePagesInvalid: 'fee.pages_invalid',
  FeeQuantityInvalid: 'fee.quantity_invalid',
} as const;

export type PaymentErrorCode = (typeof PaymentErrorCode)[keyof typeof PaymentErrorCode];
