// src/domain/intake offers the draft model of a dossier being received, its completeness check
// and its fee quote.
export { INTAKE_STEPS, emptyPerson, newDraftData, dossierOwner, processingTimeOf } from './draft';
export type { IntakeStep, ReceivedAs, PersonEntry, ComponentEntry, FeeEntry, IntakeDraftData } from './draft';
export { validateIntake, personIssues, peopleIssues, personLengthIssues } from './validate';
export { OFFICER_FIELD_MAX, PERSON_FIELD_MAX, personFieldsTooLong, sendableOfficerPhone } from './person-limits';
export type { IntakeIssue, IntakeValidation, IssueCode } from './validate';
export { feeRuleFor, quoteFees } from './fees';
