// Stable error codes for citizen data checks. The UI translates by code (vi default, en);
// the Vietnamese text travels with each error so a caller without i18n still shows something useful.

export const CitizenErrorCode = {
  QrEmpty: 'cccd_qr.empty',
  QrMultipleLines: 'cccd_qr.multiple_lines',
  QrIsUrl: 'cccd_qr.is_url',
  QrIsVietQr: 'cccd_qr.is_vietqr',
  QrNotCccd: 'cccd_qr.not_cccd',
  QrFieldCount: 'cccd_qr.field_count',
  OldIdFormat: 'cccd_qr.old_id_format',
  AddressEmpty: 'cccd_qr.address_empty',
  SexInvalid: 'sex.invalid',
  DateInvalid: 'date.invalid',
  IssuedBeforeBirth: 'date.issued_before_birth',
  DateInFuture: 'date.in_future',
  IdFormat: 'id_number.format',
  IdProvinceUnknown: 'id_number.province_unknown',
  IdBirthYearMismatch: 'id_number.birth_year_mismatch',
  IdSexMismatch: 'id_number.sex_mismatch',
  NameEmpty: 'full_name.empty',
  NameInvalidChars: 'full_name.invalid_chars',
  NameTooLong: 'full_name.too_long',
  PhoneEmpty: 'phone.empty',
  PhoneInvalidChars: 'phone.invalid_chars',
  PhoneLength: 'phone.length',
  PhonePrefix: 'phone.prefix',
  EmailEmpty: 'email.empty',
  EmailFormat: 'email.format',
  EmailTooLong: 'email.too_long',
} as const;

export type CitizenErrorCode = (typeof CitizenErrorCode)[keyof typeof CitizenErrorCode];
