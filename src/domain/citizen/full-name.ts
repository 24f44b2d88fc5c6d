// Validation of a person's full name (họ và tên) as typed at the desk or read from the CCCD QR.

import { CitizenErrorCode } from './errors';
import { normalizeName } from './normalize';
import type { Result } from './result';

const MAX_LENGTH = 100;

// Latin letters (which include every Vietnamese letter, precomposed or with combining marks).
// Apostrophes and hyphens are allowed inside a word because Central Highlands names use them
// ("H'Hen Niê", "Ksor H'Ni"); the typographic apostrophe is accepted too, as phones insert it.
const WORD = String.raw`[\p{Script=Latin}\p{M}]+(?:['’-][\p{Script=Latin}\p{M}]+)*`;
const FULL_NAME = new RegExp(`^${WORD}(?: ${WORD})*$`, 'u');

/** Returns the normalised name (NFC, single spaces) when it is acceptable. */
export function validateFullName(name: string): Result<string, CitizenErrorCode> {
  const field = 'fullName';
  const value = normalizeName(name);
  if (value === '') {
    return { ok: false, errors: [{ field, code: CitizenErrorCode.NameEmpty, message: 'Chưa nhập họ và tên.' }] };
  }
  if ([...value].length > MAX_LENGTH) {
    return {
      ok: false,
      errors: [{ field, code: CitizenErrorCode.NameTooLong, message: `Họ và tên dài quá ${MAX_LENGTH} ký tự.` }],
    };
  }
  if (!FULL_NAME.test(value)) {
    return {
      ok: false,
      errors: [
        {
          field,
          code: CitizenErrorCode.NameInvalidChars,
          message: 'Họ và tên chỉ được gồm chữ cái (có dấu tiếng Việt) và dấu cách.',
        },
      ],
    };
  }
  return { ok: true, value };
}
