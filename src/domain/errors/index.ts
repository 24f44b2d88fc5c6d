// src/domain/errors offers MotcuaError, the coded error every layer throws, and reading any error as one.
export { codedError, isErrorCode, MAX_ERROR_CODE_LENGTH, MotcuaError } from './coded-error';
export type { CodedError, ErrorParams } from './coded-error';
