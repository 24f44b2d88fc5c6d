// Runs inside a device's page for the code-race test (bundled by code-race.test.ts): receives
// dossiers without files through the app's own receive path (draft → receiveDraft), each taking
// its number from the device's reserve exactly as at the desk.
import { createDraft, getDb, readCurrentCatalogue } from '../../src/db';
import type { Procedure } from '../../src/domain/catalogue';
import { newDraftData } from '../../src/domain/intake';
import { receiveDraft } from '../../src/features/intake/receive';

/** A receipt's number, or why the receipt failed (a number taken twice breaks the unique code index). */
export type Received = { code: string; provisional: boolean } | { failed: string };

/**
 * Receives `count` dossiers one after another (as one officer in this tab would), starting at the
 * instant `startAt` (ms since the epoch) so both tabs begin together; the drafts are made first, so
 * the tabs' receipts, not their drafts, meet in the database. Names carry `tab`.
 */
export async function receiveMany(tab: string, count: number, startAt: number): Promise<Received[]> {
  const db = getDb();
  const catalogue = await readCurrentCatalogue(db);
  if (!catalogue) throw new Error('no catalogue on the device');
  const procedure = (catalogue.procedures as Procedure[]).find((p) => p.components.length > 0)!;
  const drafts = [];
  for (let n = 0; n < count; n++) {
    const id = crypto.randomUUID();
    const data = newDraftData(procedure, catalogue.version);
    data.applicant = {
      fullName: `Lò Thị ${tab} ${n}`,
      idNumber: '001190000001',
      birthDate: '1990-05-12',
      sex: 'Nữ',
      address: 'Thôn Nà Pồ, xã Bản Mẫu',
      phone: '0912345678',
      email: '',
    };
    data.components = data.components.map((c) => ({ ...c, received: true }));
    const at = new Date().toISOString();
    await createDraft(db, { id, procedureCode: procedure.code, procedure, step: 'review', data, createdAt: at, updatedAt: at });
    drafts.push({ id, data });
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const made: Received[] = [];
  for (const { id, data } of drafts) {
    try {
      const { code, provisional } = await receiveDraft(id, data, procedure);
      made.push({ code, provisional });
    } catch (error) {
      made.push({ failed: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  return made;
}
