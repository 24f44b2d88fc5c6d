// The team variant of intake's last step (issue 15): a community team's tablet turns a complete
// draft into an online submission (status 1 "Mới đăng ký", channel online) with a tracking slip's
// lookup code — no dossier number, no appointment, no receipt — written with its outbox entry in
// the same one transaction as a desk's receipt, so it works offline and a crash leaves draft or submission.
import type { Procedure } from '../../domain/catalogue';
import { newLookupCode, openDossier, type Actor } from '../../domain/dossier';
import type { IntakeDraftData } from '../../domain/intake';
import { getDb, readCommune, readDeskActor, receiveDossier, type DossierData, type DossierRow } from '../../db';
import { markWorkHeld } from '../../db/safekeeping';
import { dossierRow, IntakeError, openedDossierData, sendable } from './receive';

/** The submission's payload as the gateway's 'dossier.submit' takes it (submissionRowSchema): the row without the desk's code and dates. */
export function submissionPayload(row: DossierRow): Omit<DossierRow, 'code' | 'receivedAt' | 'dueAt'> {
  const { code: _code, receivedAt: _received, dueAt: _due, ...payload } = row;
  return payload;
}

/**
 * Files the draft as an online submission. The actor is the signed-in team member, or else the
 * tablet itself under its profile's name; either way in the role the gateway requires of a team.
 */
export async function submitDraft(draftId: string, draft: IntakeDraftData, procedure: Procedure, now = new Date(), lookupCode = newLookupCode()) {
  const data = sendable(draft);
  const db = getDb();
  const commune = await readCommune(db);
  if (!commune) throw new IntakeError('intake.no_commune', 'Thiết bị chưa tải thông tin xã: hãy kết nối mạng một lần.');
  const desk = await readDeskActor(db);
  const actor: Actor = { ...desk.actor, role: 'communityTeam' };
  const id = crypto.randomUUID();
  const dossierData: DossierData = { ...openedDossierData(openDossier('online', actor, now, null), data, procedure, commune, desk.officer), channel: 'online' };
  // Until a desk receives it, the lookup code stands for the code and the filing time for the dates (as pulled-dossier.ts does).
  const row: DossierRow = { ...dossierRow(id, lookupCode, data, procedure, dossierData, now, now), lookupCode, submittedAt: now.toISOString() };
  await receiveDossier(db, {
    draftId,
    dossier: row,
    log: { dossierId: id, at: now.toISOString(), who: actor.name, role: actor.role, action: 'submit', fromStatus: null, toStatus: 1 },
    outbox: {
      kind: 'dossier.submit',
      entityId: id,
      payload: submissionPayload(row),
      createdAt: now.toISOString(),
      status: 'pending',
      attempts: 0,
      ...(desk.staffId ? { staffId: desk.staffId } : {}),
    },
  });
  void markWorkHeld(db).catch(() => undefined);
  return { id, lookupCode };
}
