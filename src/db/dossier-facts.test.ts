// The report facts follow every write, whoever makes it: intake's receipt (files moved from the
// draft to the dossier in the same transaction), a file removed, a status change, a failed add.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { attachFile, removeAttachment } from './attachments';
import { MotcuaDb } from './db';
import { FACTS_TABLE, OPEN_END, toReportRecord, recordOfFacts, type DossierFactsRow } from './dossier-facts';
import { receiveDossier } from './intake';
import type { DossierRow } from './schema';
import { sampleBirthDossier } from './test-support';

let db: MotcuaDb;
const facts = () => db.table<DossierFactsRow, string>(FACTS_TABLE);

const dossier: DossierRow = {
  id: 'd1',
  code: '000.00.12.H38-260302-0001',
  status: 2,
  ...sampleBirthDossier,
  receivedAt: '2026-03-02T01:00:00.000Z',
  dueAt: '2026-03-02T10:00:00.000Z',
  syncState: 'waiting',
  data: {
    intake: {
      components: [
        { index: 0, received: true, receivedAs: 'original', count: 1, conditionApplies: false },
        { index: 1, received: true, receivedAs: 'original', count: 1, conditionApplies: false },
        { index: 2, received: false, receivedAs: 'original', count: 1, conditionApplies: false },
      ],
    },
  },
  updatedAt: '2026-03-02T01:00:00.000Z',
};

beforeEach(async () => {
  db = new MotcuaDb(`facts-${Math.random()}`);
  await db.drafts.add({ id: 'draft-1', procedureCode: '1.001193', procedure: {}, step: 'review', data: {}, createdAt: '', updatedAt: '' });
  const file = (componentIndex: number) => ({
    id: `f${componentIndex}`,
    ownerId: 'draft-1',
    componentIndex,
    sha256: `${componentIndex}`.repeat(64),
    name: 'a.pdf',
    type: 'application/pdf',
    size: 5,
  });
  await attachFile(db, file(0), new Blob(['%PDF-']));
  await attachFile(db, file(1), new Blob(['%PDF-1']));
  await receiveDossier(db, {
    draftId: 'draft-1',
    dossier,
    log: { dossierId: 'd1', at: dossier.receivedAt, who: 'Lò Thị Mai', role: 'receptionOfficer', action: 'receive', fromStatus: null, toStatus: 2 },
    outbox: { kind: 'dossier.receive', entityId: 'd1', payload: {}, createdAt: dossier.receivedAt, status: 'pending', attempts: 0 },
  });
});

describe('report facts', () => {
  it('are written with the receipt, counting the files moved over from the draft', async () => {
    const f = await facts().get('d1');
    expect(f).toMatchObject({ activeUntil: OPEN_END, components: [0, 1], attached: [0, 1], status: 2 });
    expect(recordOfFacts(f!)).toEqual(toReportRecord((await db.dossiers.get('d1'))!, [0, 1]));
    expect(recordOfFacts(f!)).toMatchObject({ componentsReceived: 2, componentsDigitized: 2 });
  });

  it('follow an added file, a removed file and a status change', async () => {
    await attachFile(db, { id: 'f2', ownerId: 'd1', componentIndex: 2, sha256: '2'.repeat(64), name: 'b.png', type: 'image/png', size: 3 }, new Blob(['png']));
    expect((await facts().get('d1'))?.attached).toEqual([0, 1, 2]);
    await removeAttachment(db, 'f1');
    expect((await facts().get('d1'))?.attached).toEqual([0, 2]);
    await db.dossiers.update('d1', { status: 10, updatedAt: '2026-03-05T02:00:00.000Z' });
    expect(await facts().get('d1')).toMatchObject({ status: 10, activeUntil: '2026-03-05T02:00:00.000Z' });
  });

  it('are not written for a dossier that was not written, and go with a deleted one', async () => {
    await expect(db.dossiers.add({ ...dossier, id: 'd2' })).rejects.toThrow(); // same code: refused by the unique index
    expect(await facts().get('d2')).toBeUndefined();
    await db.dossiers.delete('d1');
    expect(await facts().count()).toBe(0);
  });
});
