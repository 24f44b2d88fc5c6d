// src/domain/satisfaction offers the citizen's satisfaction rating at return: its three values,
// their Vietnamese labels, and the check that "Không hài lòng" carries a reason.
export { SATISFACTION_VALUES, MAX_REASON_LENGTH, isSatisfactionValue, checkRating } from './rating';
export type { SatisfactionValue, SatisfactionRating, RatingCheck } from './rating';
