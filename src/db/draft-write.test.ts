// Writing a draft as it stands: the whole row in one committed transaction, many writes issued at
// once end with the last one stored, and a draft gone meanwhile (received or discarded) is not put
// back: the write says so and the row stays gone.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb } from './db';
import { deleteDraft, DraftGoneError, writeDraft } from './intake';
import type { DraftRow } from './schema';
import { forgetMasterKey, newMasterKey } from './vault/key-holder';
import { setUpVault } from './vault/state';

let db: MotcuaDb;
const draft: DraftRow = {
  id: 'draft-1',
  procedureCode: '1.001193',
  procedure: { name: 'Khai sinh' },
  step: 'applicant',
  data: { name: '' },
  createdAt: 't0',
  updatedAt: 't0',
};

beforeEach(async () => {
  db = new MotcuaDb(`draft-write-${Math.random()}`);
  await db.open();
  await db.drafts.add(draft);
});
afterEach(() => {
  forgetMasterKey();
  db.close();
});

/** The drafts store as IndexedDB holds it, below Dexie and the vault. */
function storedDrafts(): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const read = db.backendDB().transaction('drafts').objectStore('drafts').getAll();
    read.onsuccess = () => resolve(read.result as unknown[]);
    read.onerror = () => reject(read.error);
  });
}

describe('writeDraft', () => {
  it('seals the draft it writes below Dexie once the vault is set up, and refuses while it is locked (issue 13)', async () => {
    await setUpVault(db, newMasterKey());
    await writeDraft(db, { ...draft, data: { name: 'Nguyễn Văn Mẫu', idNumber: '001099000001' }, updatedAt: 't1' });
    const stored = JSON.stringify(await storedDrafts());
    expect(stored).not.toContain('Mẫu');
    expect(stored).not.toContain('001099000001');
    expect((await db.drafts.get('draft-1'))?.data).toEqual({ name: 'Nguyễn Văn Mẫu', idNumber: '001099000001' });
    forgetMasterKey();
    await expect(writeDraft(db, { ...draft, data: { name: 'Lò Thị Mai' }, updatedAt: 't2' })).rejects.toMatchObject({ code: 'vault.locked' });
    expect(JSON.stringify(await storedDrafts())).not.toContain('Mai');
  });

  it('writes the draft whole: data, step and time, the procedure kept', async () => {
    await writeDraft(db, { ...draft, data: { name: 'Nguyễn Văn Mẫu' }, step: 'components', updatedAt: 't1' });
    expect(await db.drafts.get('draft-1')).toEqual({ ...draft, data: { name: 'Nguyễn Văn Mẫu' }, step: 'components', updatedAt: 't1' });
  });

  it('keeps the last of many writes issued at once, as keys typed fast make them', async () => {
    const typed = 'Thôn Nà Pồ, xã Bản Mẫu';
    const writes = [...typed].map((_, i) => writeDraft(db, { ...draft, data: { address: typed.slice(0, i + 1) }, updatedAt: `t${i}` }));
    await Promise.all(writes);
    expect((await db.drafts.get('draft-1'))?.data).toEqual({ address: typed });
  });

  it('does not bring back a draft discarded meanwhile, and says so', async () => {
    await deleteDraft(db, 'draft-1');
    await expect(writeDraft(db, { ...draft, data: { name: 'late' } })).rejects.toBeInstanceOf(DraftGoneError);
    expect(await db.drafts.get('draft-1')).toBeUndefined();
  });

  it('writes through Dexie while the database is not open yet', async () => {
    db.close();
    const reopened = new MotcuaDb(db.name);
    await writeDraft(reopened, { ...draft, data: { name: 'sau khi mở' } });
    expect((await reopened.drafts.get('draft-1'))?.data).toEqual({ name: 'sau khi mở' });
    await expect(writeDraft(reopened, { ...draft, id: 'draft-9' })).rejects.toBeInstanceOf(DraftGoneError);
    reopened.close();
  });
});
