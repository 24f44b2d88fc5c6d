// Citizen data: reading the CCCD / Căn cước QR, and checking the personal details a desk officer
// types (ID number, name, phone, e-mail), and a warning for a name mangled by an input method.
// Pure functions; every check returns a Result with stable error codes (CitizenErrorCode) and
// Vietnamese messages.

export { parseCccdQr } from './cccd-qr';
export type { CccdQrData } from './cccd-qr';
export { validateIdNumber, decodeGenderCentury } from './id-number';
export type { Sex, IdNumberInfo, IdNumberContext } from './id-number';
export { BIRTH_PROVINCE_CODES, isBirthProvinceCode } from './birth-provinces';
export type { BirthProvinceCode } from './birth-provinces';
export { validateVietnamesePhone, validateEmail } from './contact';
export type { VietnamesePhone } from './contact';
export { validateFullName } from './full-name';
export { detectMangledName } from './mangled-name';
export type { MangledNameHint } from './mangled-name';
export { normalizeName, normalizeText } from './normalize';
export { parseDdMmYyyy, parseIsoDate, isRealDate } from './dates';
export { CitizenErrorCode } from './errors';
export type { FieldError, Result } from './result';
