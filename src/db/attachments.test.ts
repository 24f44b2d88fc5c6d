// A component's files keep distinct orders, the newest last, even after one was removed.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { attachFile, listAttachments, removeAttachment } from './attachments';
import { MotcuaDb } from './db';

let db: MotcuaDb;
beforeEach(() => {
  db = new MotcuaDb(`attachments-${Math.random()}`);
});

const attach = (id: string, componentIndex = 0) =>
  attachFile(db, { id, ownerId: 'draft-1', componentIndex, sha256: id.padEnd(64, '0'), name: `${id}.pdf`, type: 'application/pdf', size: 5 }, new Blob([id]));

describe('attachment order', () => {
  it('adds after the last file, not at the count, once an earlier file is removed', async () => {
    await attach('a');
    await attach('b');
    await attach('other', 1);
    await removeAttachment(db, 'a');
    await attach('c');

    const files = (await listAttachments(db, 'draft-1')).filter((f) => f.componentIndex === 0);
    expect(files.map((f) => f.id)).toEqual(['b', 'c']);
    expect(new Set(files.map((f) => f.order)).size).toBe(2);
    expect(files[1]!.order).toBeGreaterThan(files[0]!.order);
    // The other component's files are numbered on their own.
    expect((await db.attachments.get('other'))!.order).toBe(0);
  });

  it('gives files added at the same time distinct orders', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => attach(id)));
    const orders = (await listAttachments(db, 'draft-1')).map((f) => f.order);
    expect(orders.sort()).toEqual([0, 1, 2, 3]);
  });
});
