// How long each field of a person (người nộp, chủ hồ sơ) may be: the gateway refuses a dossier
// whose field is longer, so the desk checks the same limits where it lets the officer fix one.
import type { PersonEntry } from './draft';

export const PERSON_FIELD_MAX: Readonly<Record<Exclude<keyof PersonEntry, 'sex'>, number>> = {
  fullName: 200,
  idNumber: 20,
  birthDate: 10,
  address: 500,
  phone: 30,
  email: 200,
};

/** The fields of `person` longer than allowed, each with its limit (counted in characters, as typed). */
export function personFieldsTooLong(person: PersonEntry): { field: keyof typeof PERSON_FIELD_MAX; max: number }[] {
  return (Object.keys(PERSON_FIELD_MAX) as (keyof typeof PERSON_FIELD_MAX)[]).flatMap((field) =>
    person[field].length > PERSON_FIELD_MAX[field] ? [{ field, max: PERSON_FIELD_MAX[field] }] : [],
  );
}
