// Procedure codes (mã thủ tục hành chính): the national code, the provincial form that
// appends the agency code, and the provisional local form for procedures whose code is unknown.

/** National code from CSDL TTHC, e.g. `1.001193` (Đăng ký khai sinh). */
export const NATIONAL_CODE = /^\d\.\d{6}$/;

/**
 * Provincial systems (iGate and similar) append the agency code: `1.001193.000.00.00.H56`.
 * The agency part follows the unit-code shape of Thông tư 01/2018 (`000.00.12.H56`); ministries
 * use a G letter (`.G22`) instead of H, so any capital letter is accepted there.
 */
export const PROVINCIAL_CODE = /^(\d\.\d{6})\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/**
 * A procedure the commune must offer before its national code is known (the research data
 * has two such, marked `inferredFields: ["code (not found)"]`). "TAM" is Vietnamese for
 * provisional. It can never be mistaken for a national code, so anything sent upward with it
 * is visibly incomplete rather than silently wrong.
 */
export const PROVISIONAL_CODE = /^TAM\.\d{6}$/;

export function isProcedureCode(code: string): boolean {
  return NATIONAL_CODE.test(code) || PROVINCIAL_CODE.test(code) || PROVISIONAL_CODE.test(code);
}

export function isProvisionalCode(code: string): boolean {
  return PROVISIONAL_CODE.test(code);
}

/**
 * The national part of a code: `1.001193.000.00.00.H56` → `1.001193`. Codes in any other
 * shape come back unchanged, so callers can compare what they have.
 */
export function nationalCode(code: string): string {
  const provincial = PROVINCIAL_CODE.exec(code);
  return provincial?.[1] ?? code;
}
