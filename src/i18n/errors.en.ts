// English texts of errors, same keys as Vietnamese (checked by the type).
import type { errorsVi } from './errors.vi';

export const errorsEn: typeof errorsVi = {
  quota: 'Device storage is full, so this could not be saved. Earlier data is safe. Sync, then delete some files.',
  generic: 'Something went wrong: {{reason}}',
  write_failed: 'The change could not be written on this device; nothing was changed.',
  intake: {
    no_commune: 'This device has not loaded its commune yet: connect to the network once.',
    open_failed: 'The dossier could not be opened.',
    refuse_failed: 'The refusal could not be recorded.',
    pdf_pending:
      'The papers just captured are still being processed or made into a PDF: wait until done (and decide on the pages to review), then press again.',
  },
  draft: { gone: 'The draft is no longer on this device (already received or deleted).' },
  code_reserve: {
    unavailable: 'No dossier number could be taken on this device.',
    provisional_exhausted: "Today's provisional dossier numbers on this device are used up: connect to the network to get more.",
  },
  dossier: {
    not_found: 'The dossier is not on this device.',
    not_on_server: 'The server has no such dossier (it was not sent yet, or was refused when syncing).',
    wrong_status: 'The status of the dossier sent does not match the action.',
    other_commune: "This dossier was made for a commune other than the device's.",
    id_taken: "The dossier's identifier is already used by another dossier on the server.",
    code_invalid: 'The dossier number is malformed or does not match the unit or the day it was received.',
    code_out_of_range: 'The dossier number is outside the range the server gave this device.',
    numbers_exhausted: "The unit has used up the day's dossier numbers; no official number can be given.",
    refusal_reason_required: 'A refused dossier must state the reason for refusal.',
  },
  note: { too_long: 'The note is too long ({{length}} characters, at most {{max}}): shorten it.' },
  receive: { no_processing_time: "This procedure's processing time is not known." },
  supplement: {
    items_required: 'State each paper to be supplemented and why.',
    too_many_items: 'A supplement request lists at most {{max}} papers.',
    item_too_long: 'Paper {{line}} is too long (name at most {{maxName}} characters, reason at most {{maxReason}}): shorten it.',
    pdf_pending: "The supplement papers' PDF is still being made: wait a few seconds, then press again.",
    file_missing: 'The file {{name}} is no longer on this device: capture this paper again.',
  },
  rating: {
    not_returned: 'A dossier can be rated only after its result is returned.',
    already: 'This dossier has already been rated.',
    value_invalid: 'The rating is not valid.',
    reason_required: 'Please say why you are not satisfied.',
    reason_too_long: 'The reason is longer than {{max}} characters.',
  },
  result: {
    not_allowed: 'A result can be attached only while the dossier is in progress or has its result.',
    pdf_pending: 'The result paper is still being processed or made into a PDF: wait until done, then press again.',
    nothing_captured: 'No page of the result paper has been captured yet.',
    file_missing: 'The file {{name}} is no longer on this device.',
  },
  file: {
    type: 'The file is not a valid PDF.',
    size: 'The file is too large.',
    empty: 'The file is empty.',
    not_pdf: 'The result paper must be a PDF: photos must be digitized first.',
    not_uploaded: 'The server has not received one of the files of this change yet: files are sent first. Sync again when online.',
    size_mismatch: 'A file on the server differs in size from what was declared.',
  },
  entry: {
    refused: 'The server refused this change.',
    invalid_fields: 'The change sent has missing or wrong details.',
    entity_mismatch: "The change's identifier does not match the dossier.",
    malformed: 'The change sent is malformed; it was not recorded.',
    unsupported_kind: 'The server does not support this kind of change yet.',
    reused_number: "This change's sequence number is already used by another change on the server. Tell the administrator.",
    data_refused: 'The server could not record this change because its data is duplicated or invalid.',
    clock_future: "The change's time is in the future: check the device's date and time.",
    clock_past: "The change's time is too early: check the device's date and time.",
    batch_refused: 'The server refused the whole batch of changes.',
  },
  device: { no_commune: "The device's commune is no longer on the server." },
  transition: {
    illegal: "The action is not allowed in the dossier's current status.",
    leader_sign_in: 'An action as leader needs that officer signed in on the device.',
    papers_not_allowed: 'This action cannot carry papers or a list of papers.',
  },
};
