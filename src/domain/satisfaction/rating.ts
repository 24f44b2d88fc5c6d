// The citizen's satisfaction rating at the return of a result (đánh giá mức độ hài lòng, DOMAIN.md
// §11): three answers, and "Không hài lòng" must say why, so the commune can act on it.

export type SatisfactionValue = 'veryGood' | 'good' | 'bad';

export const SATISFACTION_VALUES: readonly SatisfactionValue[] = ['veryGood', 'good', 'bad'];

/** A rating as stored with the dossier and sent upward. */
export interface SatisfactionRating {
  value: SatisfactionValue;
  reason?: string;
  at: Date;
}

export type RatingCheck =
  { ok: true; rating: SatisfactionRating } | { ok: false; code: 'rating.value_invalid' | 'rating.reason_required' | 'rating.reason_too_long'; message: string };

/** Long enough for a paragraph; a longer text is a paste gone wrong, not feedback. */
export const MAX_REASON_LENGTH = 1000;

export function isSatisfactionValue(value: unknown): value is SatisfactionValue {
  return typeof value === 'string' && (SATISFACTION_VALUES as readonly string[]).includes(value);
}

/** Checks an answer; the reason is kept only where it was asked for or given, trimmed and in NFC. */
export function checkRating(value: unknown, reason: string | undefined, at: Date): RatingCheck {
  if (!isSatisfactionValue(value)) return { ok: false, code: 'rating.value_invalid', message: 'Mức đánh giá không hợp lệ.' };
  const text = (reason ?? '').normalize('NFC').trim();
  if (value === 'bad' && text === '') {
    return { ok: false, code: 'rating.reason_required', message: 'Xin cho biết lý do không hài lòng.' };
  }
  if (text.length > MAX_REASON_LENGTH) {
    return { ok: false, code: 'rating.reason_too_long', message: `Lý do dài quá ${MAX_REASON_LENGTH} ký tự.` };
  }
  return { ok: true, rating: { value, at, ...(text !== '' ? { reason: text } : {}) } };
}
