// The one error type that crosses every layer (domain, device database, features, gateway): a
// stable code that the place showing the error translates, its Vietnamese message for callers
// without i18n (and as the fallback), and the values the translation needs.
import type { FieldError } from '../result';

/** Values a translation of the code may name ({{name}} in the text). */
export type ErrorParams = Record<string, string | number>;

/** A stable dotted name (`intake.no_commune`, `file.size_mismatch`): letters, digits and `_` between dots. */
const CODE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,3}$/i;
/** Codes come from outside too (a gateway's answer): a longer one is not ours. */
export const MAX_ERROR_CODE_LENGTH = 64;

/** True for a well-formed code: safe to look up as a message key (no `:` namespace, no empty part). */
export function isErrorCode(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ERROR_CODE_LENGTH && CODE.test(value);
}

export class MotcuaError extends Error {
  constructor(
    /** Stable for i18n and tests; never reworded. */
    readonly code: string,
    /** Plain Vietnamese, as specific as the place that raised it can be. */
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'MotcuaError';
  }

  /** A domain check's first error, raised. */
  static from(error: Pick<FieldError, 'code' | 'message'>, params?: ErrorParams): MotcuaError {
    return new MotcuaError(error.code, error.message, params);
  }
}

/** What an error shows: its code when it has one (a MotcuaError, or a clone of one that lost its class), and its message. */
export interface CodedError {
  code?: string;
  message: string;
  params?: ErrorParams;
}

/** Reads any thrown value as a coded error: a MotcuaError as it is, anything else by its message. */
export function codedError(error: unknown): CodedError {
  if (error instanceof MotcuaError) return { code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) };
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown };
    const message = typeof e.message === 'string' ? e.message : String(error);
    return isErrorCode(e.code) ? { code: e.code, message } : { message };
  }
  return { message: String(error) };
}
