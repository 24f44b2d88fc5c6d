// Photos and scans sealed with Web Crypto around transactions: a Blob comes back with its bytes and
// type, is stored as ciphertext only, moves between tables still sealed, passes through untouched
// before set-up, and a locked vault refuses to seal or open one.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MotcuaDb } from '../db';
import { openBlob, sealBlob, SEALED_BLOB_TYPE } from './blobs';
import { forgetMasterKey, holdMasterKey, newMasterKey } from './key-holder';
import { openVault, setUpVault } from './state';

const dbs: MotcuaDb[] = [];
const fresh = () => {
  const db = new MotcuaDb(`blobs-${Math.random()}`);
  dbs.push(db);
  return db;
};
afterEach(() => {
  forgetMasterKey();
  for (const db of dbs.splice(0)) db.close();
});

const text = 'CCCD Lò Thị Đào 038190012345';
const photo = () => new Blob([new TextEncoder().encode(text)], { type: 'image/jpeg' });

describe('sealed blobs', () => {
  it('come back with their bytes and type, and hold neither in clear', async () => {
    const db = fresh();
    const master = newMasterKey();
    await setUpVault(db, master);
    const sealed = await sealBlob(db, photo());
    expect(sealed.type).toBe(SEALED_BLOB_TYPE);
    expect(await sealed.text()).not.toContain('038190012345');
    expect(await sealBlob(db, sealed)).toBe(sealed); // sealed once only

    await db.captureQueue.add({ ownerId: 'draft-1', componentIndex: 0, batch: 'b', name: 'a.jpg', blob: sealed, addedAt: '' });
    const [row] = await db.captureQueue.toArray();
    const opened = await openBlob(db, row!.blob);
    expect(opened.type).toBe('image/jpeg');
    expect(await opened.text()).toBe(text);

    forgetMasterKey();
    await expect(openBlob(db, sealed)).rejects.toMatchObject({ code: 'vault.locked' });
    await expect(sealBlob(db, photo())).rejects.toMatchObject({ code: 'vault.locked' });
    holdMasterKey(master);
    await openVault(db);
    expect(await (await openBlob(db, sealed)).text()).toBe(text);
  });

  it('pass through as they are before set-up', async () => {
    const db = fresh();
    const blob = photo();
    expect(await sealBlob(db, blob)).toBe(blob);
    expect(await openBlob(db, blob)).toBe(blob);
  });
});
