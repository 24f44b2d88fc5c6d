// How long each field of a person (người nộp, chủ hồ sơ) and of the desk's officer may be: the
// gateway refuses a dossier whose field is longer (server/sync/schemas.ts imports these), so the
// desk checks the same limits where the officer can still fix the field.
import { validateVietnamesePhone } from '../citizen';
import type { PersonEntry } from './draft';

export const PERSON_FIELD_MAX: Readonly<Record<Exclude<keyof PersonEntry, 'sex'>, number>> = {
  fullName: 200,
  idNumber: 20,
  birthDate: 10,
  address: 500,
  phone: 30,
  email: 200,
};

/** The desk profile (DeskProfile, src/db/settings.ts) printed on every paper and sent with every dossier. */
export const OFFICER_FIELD_MAX = { officerName: 200, officerPhone: 30 } as const;

/** The fields of `person` longer than allowed, each with its limit (counted in characters, as typed). */
export function personFieldsTooLong(person: PersonEntry): { field: keyof typeof PERSON_FIELD_MAX; max: number; length: number }[] {
  return (Object.keys(PERSON_FIELD_MAX) as (keyof typeof PERSON_FIELD_MAX)[]).flatMap((field) =>
    person[field].length > PERSON_FIELD_MAX[field] ? [{ field, max: PERSON_FIELD_MAX[field], length: person[field].length }] : [],
  );
}

/**
 * The officer's phone as a change may carry it to the gateway (whose schema applies the same rule),
 * or undefined: none typed, or one the gateway would refuse, which would sink the whole change.
 */
export function sendableOfficerPhone(phone: string): string | undefined {
  const trimmed = phone.trim();
  if (trimmed === '' || trimmed.length > OFFICER_FIELD_MAX.officerPhone || !validateVietnamesePhone(trimmed).ok) return undefined;
  return trimmed;
}
