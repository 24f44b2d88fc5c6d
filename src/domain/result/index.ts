// src/domain/result offers the Result and FieldError shape shared by the domain's checks.
export { ok, fail } from './result';
export type { FieldError, Result } from './result';
