// The shape every domain check returns: a value, or field-level errors the UI can show under
// the right box. One definition for citizen, payment and dossier rules.

export interface FieldError<C extends string = string> {
  /** Which input the error belongs to, so the form can put it under the right box. */
  field: string;
  /** Stable code for i18n and tests; never reworded. */
  code: C;
  /** Plain Vietnamese for the desk officer. */
  message: string;
  /** What the words of another language need (an action's or a status's code, a length): see src/i18n/errors.*.ts. */
  params?: Record<string, string | number>;
}

export type Result<T, C extends string = string> = { ok: true; value: T } | { ok: false; errors: FieldError<C>[] };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <C extends string>(field: string, code: C, message: string): { ok: false; errors: FieldError<C>[] } => ({
  ok: false,
  errors: [{ field, code, message }],
});
