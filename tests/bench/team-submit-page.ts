// Runs inside the team tablet's page for the team-submit benchmark (bundled by team-submit.bench.ts):
// files one khai sinh submission with its captured papers through the app's own code (draft, attached
// files, then the team's submitDraft writing the dossier and its outbox entry), while offline.
import { attachFile, createDraft, getDb } from '../../src/db';
import { unlockWithPin } from '../../src/db/officers';
import { demoCatalogue } from '../../src/domain/catalogue';
import { newDraftData } from '../../src/domain/intake';
import { submitDraft } from '../../src/features/intake/submit';

export { drained, waiting } from './drain-page';

export interface Filed {
  lookupCode: string;
  files: number;
  fileBytes: number;
  ms: number;
}

const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** A captured paper of `size` bytes: JPEG markers around random bytes, which compress no better than a real page's data. */
function capturedPaper(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  for (let at = 11; at < size - 2; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(size - 2, at + 65_536)));
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

/**
 * One submission for a villager with one paper per entry of `sizes` (bytes), filed now by the
 * signed-in member. This bundle holds its own copy of the db modules, so it unlocks with the
 * member's `pin` as the app did: the data key and the current officer live in module memory.
 */
export async function fileSubmission(sizes: number[], pin: string): Promise<Filed> {
  const db = getDb();
  const [member] = await db.officers.toArray();
  if (!member) throw new Error('team-submit: no member has signed in on the tablet');
  const unlocked = await unlockWithPin(db, member.staffId, pin);
  if (!unlocked.ok) throw new Error(`team-submit: the PIN does not unlock the tablet (${unlocked.reason})`);
  const started = performance.now();
  const catalogue = demoCatalogue();
  const procedure = catalogue.procedures.find((p) => p.code === '1.001193') ?? catalogue.procedures[0]!;
  const draftId = crypto.randomUUID();
  const data = newDraftData(procedure, catalogue.version);
  data.applicant = {
    fullName: 'Lò Văn Pả',
    idNumber: '001099012345',
    birthDate: '1999-03-15',
    sex: 'Nam',
    address: 'Thôn Nà Pồ, xã Bản Mẫu',
    phone: '0912345678',
    email: '',
  };
  data.components = data.components.map((c) => ({ ...c, received: true }));
  const at = new Date().toISOString();
  await createDraft(db, { id: draftId, procedureCode: procedure.code, procedure, step: 'review', data, createdAt: at, updatedAt: at });
  let fileBytes = 0;
  for (const [k, size] of sizes.entries()) {
    const bytes = capturedPaper(size);
    const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
    const componentIndex = k % procedure.components.length;
    await attachFile(
      db,
      { id: crypto.randomUUID(), ownerId: draftId, componentIndex, sha256, name: `giay-${k + 1}.jpg`, type: 'image/jpeg', size },
      new Blob([bytes], { type: 'image/jpeg' }),
    );
    fileBytes += size;
  }
  const { lookupCode } = await submitDraft(draftId, data, procedure);
  return { lookupCode, files: sizes.length, fileBytes, ms: performance.now() - started };
}
