// Stable error codes of the dossier rules (codes, status machine); the UI translates by code.

export const DossierErrorCode = {
  AgencyInvalid: 'dossier_code.agency_invalid',
  DateInvalid: 'dossier_code.date_invalid',
  SequenceInvalid: 'dossier_code.sequence_invalid',
  CodeFormat: 'dossier_code.format',
  DeviceShortInvalid: 'code_reserve.device_short_invalid',
  BlockInvalid: 'code_reserve.block_invalid',
  BlockOverlap: 'code_reserve.block_overlap',
  ProvisionalExhausted: 'code_reserve.provisional_exhausted',
  IllegalTransition: 'status.illegal_transition',
  SupplementAlreadyRequested: 'status.supplement_already_requested',
  SupplementPaperMissing: 'supplement.paper_missing',
  NoteRequired: 'status.note_required',
  AppointmentRequired: 'status.appointment_required',
  InvalidTime: 'status.invalid_time',
  BadExtension: 'status.bad_extension',
  RoleNotAllowed: 'status.role_not_allowed',
  LookupCodeFormat: 'lookup_code.format',
} as const;

export type DossierErrorCode = (typeof DossierErrorCode)[keyof typeof DossierErrorCode];
