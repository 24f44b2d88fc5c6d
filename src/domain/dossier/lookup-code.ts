// The tracking slip's lookup code (mã tra cứu, issue 15): made offline on a community team's tablet
// for an online submission that has no official code yet, and typed back by the villager on the
// public status page. Ten Crockford base32 characters (50 random bits), shown as XXXXX-XXXXX;
// unique gateway-wide, so the tablet makes a new one when the gateway says it is taken.
import { DossierErrorCode } from './errors';
import type { Result } from './result';

/** Crockford's base32: no I, L, O or U, so nothing read aloud or off a slip is ambiguous. */
export const LOOKUP_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LOOKUP_CODE_LENGTH = 10;
/** The stored and shown form: two groups of five joined by a hyphen. */
export const LOOKUP_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** Fills a byte array with randomness: crypto.getRandomValues, in the page, a worker or Node. */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const cryptoRandom: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

/** A new lookup code from cryptographic randomness, in its shown form (XXXXX-XXXXX). */
export function newLookupCode(random: RandomBytes = cryptoRandom): string {
  const bytes = random(new Uint8Array(LOOKUP_CODE_LENGTH));
  // 256 is a multiple of 32: the low five bits of a uniform byte are uniform.
  const chars = Array.from(bytes, (b) => LOOKUP_CODE_ALPHABET[b & 31]!).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Letters people mistype for Crockford digits: read as the digit they look like. */
const LOOKALIKES: Record<string, string> = { I: '1', L: '1', O: '0' };

/**
 * A lookup code as typed (any case, spaces or hyphens anywhere, I/L for 1 and O for 0), in its
 * shown form; or why it is not one. The gateway stores and compares the shown form only.
 */
export function parseLookupCode(typed: string): Result<string, DossierErrorCode> {
  const chars = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[ILO]/g, (c) => LOOKALIKES[c]!);
  if (chars.length !== LOOKUP_CODE_LENGTH || [...chars].some((c) => !LOOKUP_CODE_ALPHABET.includes(c))) {
    return {
      ok: false,
      errors: [{ field: 'lookupCode', code: DossierErrorCode.LookupCodeFormat, message: 'Mã tra cứu gồm 10 ký tự chữ và số, dạng XXXXX-XXXXX.' }],
    };
  }
  return { ok: true, value: `${chars.slice(0, 5)}-${chars.slice(5)}` };
}

/** Whether text is a lookup code in its shown form, exactly as stored. */
export function isLookupCode(text: string): boolean {
  return LOOKUP_CODE_PATTERN.test(text);
}
