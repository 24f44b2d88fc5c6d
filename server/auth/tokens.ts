// Bearer tokens and one-time codes: random secrets handed out once and stored only as SHA-256,
// so a copy of the database lets nobody act as a device or a staff member.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function newToken(kind: 'device' | 'staff'): string {
  return `${kind === 'device' ? 'mcd' : 'mcs'}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// No 0/O, 1/I/L: codes are read aloud and typed by hand at the desk.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function randomFromAlphabet(length: number, alphabet = CODE_ALPHABET): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** An enrolment code as shown to the administrator: XXXX-XXXX. */
export function newEnrolmentCode(): string {
  const raw = randomFromAlphabet(8);
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** What was typed, reduced to the code's characters: case, spaces and dashes do not matter. */
export function normalizeEnrolmentCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Equal-length comparison of two secrets (hashed first so lengths always match). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
