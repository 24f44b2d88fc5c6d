// Runs inside an enrolled device's page for the chaos test (bundled by chaos.test.ts): receives
// dossiers with attached files through the app's own write path (draft → attachFile →
// receiveDraft), so each carries a real outbox entry, its files' rows and blobs, and a code taken
// from the device's reserve (provisional once the reserve runs out), exactly as at the desk.
import { attachFile, createDraft, getDb, readCurrentCatalogue } from '../../src/db';
import type { Procedure } from '../../src/domain/catalogue';
import { newDraftData } from '../../src/domain/intake';
import { receiveDraft } from '../../src/features/intake/receive';

export interface ChaosFile {
  /** Seed of the file's bytes: the same seed gives the same bytes, hence one stored file. */
  seed: number;
  size: number;
}

export interface ChaosDossier {
  applicant: string;
  idNumber: string;
  files: ChaosFile[];
}

export interface MadeDossier {
  id: string;
  code: string;
  provisional: boolean;
  files: { sha256: string; size: number }[];
}

/** Bytes of a JPEG as far as the app can tell (its first bytes), the rest pseudo-random from the seed. */
function fileBytes({ seed, size }: ChaosFile): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let a = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    // xorshift32: cheap, and distinct seeds give distinct contents.
    a ^= a << 13;
    a ^= a >>> 17;
    a ^= a << 5;
    bytes[i] = a & 0xff;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Receives the dossiers one by one, as one officer would, and says what each became. */
export async function receiveDossiers(list: ChaosDossier[]): Promise<MadeDossier[]> {
  const db = getDb();
  const catalogue = await readCurrentCatalogue(db);
  if (!catalogue) throw new Error('no catalogue on the device');
  const procedure = (catalogue.procedures as Procedure[]).find((p) => p.components.length > 0)!;
  const made: MadeDossier[] = [];
  for (const [n, wanted] of list.entries()) {
    const draftId = crypto.randomUUID();
    const data = newDraftData(procedure, catalogue.version);
    data.applicant = {
      fullName: wanted.applicant,
      idNumber: wanted.idNumber,
      birthDate: '1990-05-12',
      sex: 'Nữ',
      address: 'Thôn Nà Pồ, xã Bản Mẫu',
      phone: '0912345678',
      email: '',
    };
    data.components = data.components.map((c) => ({ ...c, received: true }));
    const at = new Date().toISOString();
    await createDraft(db, { id: draftId, procedureCode: procedure.code, procedure, step: 'review', data, createdAt: at, updatedAt: at });
    const files: MadeDossier['files'] = [];
    for (const [k, file] of wanted.files.entries()) {
      const bytes = fileBytes(file);
      const sha256 = await sha256Hex(bytes);
      const componentIndex = k % procedure.components.length;
      await attachFile(
        db,
        { id: `${draftId}-f${k}`, ownerId: draftId, componentIndex, sha256, name: `ban-so-hoa-${n}-${k}.jpg`, type: 'image/jpeg', size: bytes.length },
        new Blob([bytes], { type: 'image/jpeg' }),
      );
      files.push({ sha256, size: bytes.length });
    }
    const received = await receiveDraft(draftId, data, procedure);
    made.push({ ...received, files });
  }
  return made;
}
