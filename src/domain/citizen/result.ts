// The domain's common result shape (src/domain/result), re-exported for this folder's modules.
export { ok, fail } from '../result';
export type { FieldError, Result } from '../result';
