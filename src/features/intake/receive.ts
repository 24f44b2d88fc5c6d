// Turns a complete draft into a received dossier: takes the next dossier number (or a
// provisional code when the reserve is empty), computes the appointment, and writes everything
// in one transaction. Also records a refusal, which the reports count.
import type { Procedure } from '../../domain/catalogue';
import { MAX_NOTE_LENGTH, openDossier, refuseAtIntake, vnDayKey } from '../../domain/dossier';
import { MotcuaError, type ErrorParams } from '../../domain/errors';
import { dossierOwner, emptyPerson, personLengthIssues, processingTimeOf, quoteFees, type IntakeDraftData } from '../../domain/intake';
import { CodeReserveError, getDb, getOrCreateDevice, readCommune, readDeskActor, receiveDossier, type DossierData, type DossierRow } from '../../db';
// The modules themselves, not the indexes: those load browser-only views, and this file also
// runs in Node (tests/unit/push-payloads.test.ts feeds its payloads to the gateway).
import { clockFor } from '../../shared/lib/working-clock';
import { markWorkHeld } from '../../db/safekeeping';

/** A receipt or refusal that could not be written: nothing was. Its code is translated where it is shown. */
export class IntakeError extends MotcuaError {
  constructor(code: string, message: string, params?: ErrorParams) {
    super(code, message, params);
    this.name = 'IntakeError';
  }
}

// What is stored with a dossier, and the commune's working-time clock, are shared with the
// dossier desk: they live in src/db and src/shared.
export type { DossierData } from '../../db';
export { clockFor } from '../../shared/lib/working-clock';

async function context() {
  const db = getDb();
  const commune = await readCommune(db);
  if (!commune) throw new IntakeError('intake.no_commune', 'Thiết bị chưa tải thông tin xã: hãy kết nối mạng một lần.');
  const [desk, device] = await Promise.all([readDeskActor(db), getOrCreateDevice(db)]);
  return { db, commune, officer: desk.officer, actor: desk.actor, staffId: desk.staffId, device };
}

/** The outbox entry that sends a new dossier (received or refused), under the officer who made it when one is signed in. */
function newDossierEntry(kind: 'dossier.receive' | 'dossier.refuse', dossier: DossierRow, now: Date, staffId: string | undefined) {
  return {
    kind,
    entityId: dossier.id,
    payload: dossier,
    createdAt: now.toISOString(),
    status: 'pending' as const,
    attempts: 0,
    ...(staffId ? { staffId } : {}),
  };
}

/**
 * The draft as the gateway will take it, or an IntakeError naming the first box too long for it:
 * checked again at the write, since a refusal skips the review and a receipt may follow a
 * validation of an older draft. The owner's boxes hidden behind "the applicant is the owner" are
 * sent empty: the officer cannot see them, so could not fix one the gateway refused.
 */
export function sendable(draft: IntakeDraftData): IntakeDraftData {
  const data = draft.ownerIsApplicant ? { ...draft, owner: { ...emptyPerson } } : draft;
  const long = [...personLengthIssues(data.applicant, 'applicant', 'applicantInvalid'), ...personLengthIssues(data.owner, 'owner', 'ownerInvalid')];
  // The message names the box and its limit; it stays Vietnamese, like the intake's other issue messages.
  if (long.length > 0) throw new IntakeError('intake.field_too_long', long[0]!.message);
  return data;
}

export function snapshot(procedure: Procedure): DossierData['procedure'] {
  return { code: procedure.code, name: procedure.name, field: procedure.field, processingText: procedure.processingText, components: procedure.components };
}

/** The dossier's row: its index fields (status, applicant, dates) beside the data it keeps, waiting to sync. */
export function dossierRow(
  id: string,
  code: string,
  data: IntakeDraftData,
  procedure: Procedure,
  dossierData: DossierData,
  now: Date,
  dueAt: Date,
): DossierRow {
  const owner = dossierOwner(data);
  return {
    id,
    code,
    status: dossierData.state.status,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    field: procedure.field,
    catalogueVersion: data.catalogueVersion,
    applicantName: owner.fullName,
    applicantIdNumber: owner.idNumber,
    receivedAt: now.toISOString(),
    dueAt: dueAt.toISOString(),
    syncState: 'waiting',
    data: dossierData,
    updatedAt: now.toISOString(),
  };
}

/** A new dossier's data around the state the domain opened it in (at the desk or online); its refusal raised as an IntakeError. */
export function openedDossierData(
  opened: ReturnType<typeof openDossier>,
  data: IntakeDraftData,
  procedure: Procedure,
  commune: DossierData['commune'],
  officer: DossierData['officer'],
): DossierData {
  if (!opened.ok)
    throw new IntakeError(opened.errors[0]?.code ?? 'intake.open_failed', opened.errors[0]?.message ?? 'Không lập được hồ sơ.', opened.errors[0]?.params);
  return { intake: data, procedure: snapshot(procedure), fees: quoteFees(procedure, data.fees), state: opened.value, commune, officer };
}

export async function receiveDraft(draftId: string, draft: IntakeDraftData, procedure: Procedure, now = new Date()) {
  const data = sendable(draft);
  const { db, commune, officer, actor, staffId, device } = await context();
  const dueAt = clockFor(commune).appointmentFor(now, processingTimeOf(data) ?? { processingDays: 0 });
  const id = crypto.randomUUID();
  const dossierData = openedDossierData(openDossier('desk', actor, now, dueAt), data, procedure, commune, officer);
  // The number is taken inside the receipt's transaction (receiveDossier), from this device's reserve.
  const dossier = dossierRow(id, '', data, procedure, dossierData, now, dueAt);
  try {
    const taken = await receiveDossier(db, {
      draftId,
      dossier,
      log: { dossierId: id, at: now.toISOString(), who: actor.name, role: actor.role, action: 'receive', fromStatus: null, toStatus: 2 },
      outbox: newDossierEntry('dossier.receive', dossier, now, staffId),
      numberFrom: { agency: commune.agencyCode, deviceShort: device.short },
    });
    // The first dossier is the moment there is work to lose: the eviction marker, and persistent storage asked for.
    void markWorkHeld(db).catch(() => undefined);
    return { id, code: taken.code, provisional: taken.provisional };
  } catch (error) {
    if (error instanceof CodeReserveError) throw new IntakeError(error.code, error.message);
    throw error;
  }
}

/** A refusal gets a record (status 3) but no dossier number: the daily sequence is for received dossiers. */
export async function refuseDraft(draftId: string, draft: IntakeDraftData, procedure: Procedure, reason: string, now = new Date()) {
  const data = sendable(draft);
  // The reason is kept as the log's note and the refusal's reason, both bounded at the gateway.
  if (reason.trim().length > MAX_NOTE_LENGTH) {
    const length = reason.trim().length;
    throw new IntakeError('intake.reason_too_long', `Lý do từ chối quá dài (${length} ký tự, tối đa ${MAX_NOTE_LENGTH}): rút gọn lại.`, {
      length,
      max: MAX_NOTE_LENGTH,
    });
  }
  const { db, commune, officer, actor, staffId, device } = await context();
  const id = crypto.randomUUID();
  const refused = refuseAtIntake(actor, now, reason);
  if (!refused.ok)
    throw new IntakeError(
      refused.errors[0]?.code ?? 'intake.refuse_failed',
      refused.errors[0]?.message ?? 'Không ghi được việc từ chối tiếp nhận.',
      refused.errors[0]?.params,
    );
  const state = refused.value;
  const note = state.log[0]?.note ?? ''; // the reason as the machine kept it (trimmed)
  const stamp = now.toISOString().replace(/\D/g, '').slice(8, 14);
  const dossierData: DossierData = {
    intake: data,
    procedure: snapshot(procedure),
    fees: quoteFees(procedure, data.fees),
    state,
    commune,
    officer,
    refusalReason: note,
  };
  // A refusal has no appointment: its due time is the refusal itself.
  const dossier = dossierRow(id, `TUCHOI-${device.short}-${vnDayKey(now)}${stamp}`, data, procedure, dossierData, now, now);
  await receiveDossier(db, {
    draftId,
    dossier,
    log: { dossierId: id, at: now.toISOString(), who: actor.name, role: actor.role, action: 'refuse', fromStatus: null, toStatus: state.status, note },
    outbox: newDossierEntry('dossier.refuse', dossier, now, staffId),
  });
  return { id };
}
