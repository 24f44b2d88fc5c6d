// Dossier (hồ sơ) rules: the dossier code and the offline code reserve, the status machine with
// its processing log, and the timing class against the appointment date. Pure functions; results
// carry stable DossierErrorCode codes with Vietnamese messages. Appointment arithmetic is not
// here: the calendar engine is injected (ExtendAppointment).

export {
  formatDossierCode,
  dossierCodeFromParts,
  parseDossierCode,
  isDossierCode,
  isAgencyCode,
  dayKeyToIsoDate,
  AGENCY_CODE_PATTERN,
  MAX_DAILY_SEQUENCE,
} from './code';
export type { DossierCodeParts } from './code';
export {
  createCodeReserve,
  addCodeBlock,
  takeNextCode,
  remainingCodes,
  pruneCodeReserve,
  isProvisionalCode,
  codeBlockSchema,
  PROVISIONAL_PREFIX,
} from './code-reserve';
export type { CodeBlock, CodeReserve, TakenCode } from './code-reserve';
export {
  DossierStatus,
  DOSSIER_STATUS_LABELS_VI,
  DOSSIER_ACTION_LABELS_VI,
  FINAL_STATUSES,
  DOSSIER_ACTIONS,
  ACTOR_ROLES,
  ACTOR_ROLE_LABELS_VI,
  roleMayTake,
  isDossierAction,
  isActorRole,
  actionNeedsNote,
  RUNNING_STATUSES,
  isFinalStatus,
  isRunningStatus,
  openDossier,
  refuseAtIntake,
  transition,
  allowedActions,
} from './status';
export type { DossierStatusCode, DossierAction, ActorRole, Actor, DossierLogEntry, DossierState, ExtendAppointment, TransitionOptions } from './status';
export { newLookupCode, parseLookupCode, isLookupCode, LOOKUP_CODE_ALPHABET, LOOKUP_CODE_LENGTH, LOOKUP_CODE_PATTERN } from './lookup-code';
export type { RandomBytes } from './lookup-code';
export { classifyFinished, classifyOpen, classifyDossierTiming, DUE_SOON_MS } from './timing';
export type { FinishedTiming, OpenTiming, DossierTiming } from './timing';
export { answerSupplement } from './supplement';
export { RESULT_ATTACHABLE_STATUSES, mayAttachResult, mayRate } from './paper-rules';
export { MAX_NOTE_LENGTH, MAX_SUPPLEMENT_ITEM_NAME, MAX_SUPPLEMENT_ITEM_REASON, MAX_SUPPLEMENT_LINES } from './limits';
export type { SupplementAnswer } from './supplement';
export { vnIsoDate, vnDayKey, vnCalendarDate } from './vn-time';
export { DossierErrorCode } from './errors';
export type { FieldError, Result } from './result';
export {
  STATUS_PAGE_PATH,
  statusPageUrl,
  parseStatusLookup,
  parseIdDigits,
  idLastFour,
  CITIZEN_STATUS_WORDS_VI,
  vnDayMonthYear,
  vnTimeOnDay,
  MAX_LOOKUP_INPUT,
} from './status-page';
export type { StatusLookupKey } from './status-page';
