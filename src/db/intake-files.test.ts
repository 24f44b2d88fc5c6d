// Receiving a draft with digitized papers: the dossier takes each paper's PDF (and it alone is
// named in the outbox), the pages behind it go, and a PDF not yet made from the latest pages stops
// the receipt with nothing changed. Deleting a draft takes its pages too.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb } from './db';
import {
  addComponentPages,
  addDigitizedDocument,
  listCitizenPapers,
  listDigitizedDocuments,
  LOOSE_PAPERS_PREFIX,
  pagesKey,
  pagesOwnerId,
  saveComponentDeliverables,
  listComponentPages,
  type NewStoredFile,
} from './files';
import { deleteDraft, PdfPendingError, receiveDossier, type ReceiveWrite } from './intake';
import type { DossierRow } from './schema';
import { sampleBirthDossier } from './test-support';

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`intake-files-${Math.random()}`);
  await db.open();
  await db.drafts.add({ id: 'draft-1', procedureCode: '1.001193', procedure: {}, step: 'review', data: {}, createdAt: '', updatedAt: '' });
});
afterEach(() => db.close());

const file = (name: string, type = 'image/tiff'): NewStoredFile => ({
  sha256: name.padEnd(64, '0'),
  blob: new Blob([name], { type }),
  type,
  size: name.length,
  name,
});
const dossier = {
  id: 'd1',
  code: '000.00.12.H38-260302-0001',
  status: 2,
  ...sampleBirthDossier,
  receivedAt: '2026-03-02T01:00:00.000Z',
  dueAt: '2026-03-02T10:00:00.000Z',
  syncState: 'waiting',
  data: {},
  updatedAt: '2026-03-02T01:00:00.000Z',
} as DossierRow;
const write: ReceiveWrite = {
  draftId: 'draft-1',
  dossier,
  log: { dossierId: 'd1', at: dossier.receivedAt, who: 'Lò Thị Mai', role: 'receptionOfficer', action: 'receive', fromStatus: null, toStatus: 2 },
  outbox: { kind: 'dossier.receive', entityId: 'd1', payload: { id: 'd1' }, createdAt: dossier.receivedAt, status: 'pending', attempts: 0 },
};

/** Two pages for component 0 and their PDF, made from them. */
async function capturePaper() {
  const pages = [file('a1'), file('a2')];
  await addComponentPages(db, 'draft-1', 0, pages);
  await saveComponentDeliverables(db, 'draft-1', 0, pagesKey(pages), [file('pdf-a', 'application/pdf')]);
}

describe('receiving digitized papers', () => {
  it('moves the PDF to the dossier, names it alone in the outbox, and drops the pages and their files', async () => {
    await capturePaper();
    await receiveDossier(db, write);
    expect((await db.attachments.toArray()).map((a) => [a.ownerId, a.componentIndex, a.sha256.slice(0, 5)])).toEqual([['d1', 0, 'pdf-a']]);
    expect((await db.files.toArray()).map((f) => f.sha256.slice(0, 5))).toEqual(['pdf-a']);
    const [entry] = await db.outbox.toArray();
    expect((entry!.payload as { attachments: { sha256: string }[] }).attachments.map((a) => a.sha256.slice(0, 5))).toEqual(['pdf-a']);
  });

  it('keeps a chosen PDF that is both page and deliverable', async () => {
    const kept = file('kept', 'application/pdf');
    await addComponentPages(db, 'draft-1', 2, [kept]);
    await saveComponentDeliverables(db, 'draft-1', 2, pagesKey([kept]), [kept]);
    await receiveDossier(db, write);
    expect((await db.files.toArray()).map((f) => f.sha256.slice(0, 4))).toEqual(['kept']);
    expect(await db.attachments.where('ownerId').equals('d1').count()).toBe(1);
  });

  it('refuses while a PDF is behind its pages, changing nothing', async () => {
    await capturePaper();
    await addComponentPages(db, 'draft-1', 0, [file('a3')]); // a page added, the PDF not yet remade
    const before = { attachments: await db.attachments.toArray(), files: (await db.files.toArray()).length };
    await expect(receiveDossier(db, write)).rejects.toBeInstanceOf(PdfPendingError);
    expect(await db.attachments.toArray()).toEqual(before.attachments);
    expect(await db.files.count()).toBe(before.files);
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.drafts.get('draft-1')).toBeDefined();
  });

  it('deletes a draft with its pages and files', async () => {
    await capturePaper();
    await deleteDraft(db, 'draft-1');
    expect(await listComponentPages(db, 'draft-1', 0)).toEqual([]);
    expect(await db.attachments.where('ownerId').anyOf('draft-1', pagesOwnerId('draft-1')).count()).toBe(0);
    expect(await db.files.count()).toBe(0);
  });

  it('attaches a paper digitized earlier on the Số hóa page, kept as its PDF, and leaves the original there', async () => {
    const pdf = file('loose-pdf', 'application/pdf');
    const owner = `${LOOSE_PAPERS_PREFIX}abc`;
    await addComponentPages(db, owner, 0, [file('l1')]);
    await saveComponentDeliverables(db, owner, 0, pagesKey([file('l1')]), [pdf]);
    const [doc] = await listDigitizedDocuments(db, LOOSE_PAPERS_PREFIX);
    await addDigitizedDocument(db, doc!, 'draft-1', 1);
    const pages = await listComponentPages(db, 'draft-1', 1);
    expect(pages.map((p) => [p.sha256, p.type])).toEqual([[pdf.sha256, 'application/pdf']]);
    await saveComponentDeliverables(db, 'draft-1', 1, pagesKey(pages), [{ ...pdf, name: pdf.name }]);
    await receiveDossier(db, write);
    expect((await db.attachments.where('ownerId').equals('d1').toArray()).map((a) => a.sha256)).toEqual([pdf.sha256]);
    expect(await listDigitizedDocuments(db, LOOSE_PAPERS_PREFIX)).toHaveLength(1);
    await expect(addDigitizedDocument(db, { sha256: 'gone'.padEnd(64, '0'), name: 'x.pdf' }, 'draft-2', 0)).rejects.toThrow('không còn trên máy');
  });

  it("lists a citizen's papers from earlier dossiers by component name, leaving out result papers", async () => {
    const earlier = {
      ...dossier,
      applicantIdNumber: '001099000001',
      data: { procedure: { components: [{ name: 'Tờ khai' }, { name: 'Giấy chứng sinh' }] } },
    } as DossierRow;
    await db.dossiers.add(earlier);
    await db.attachments.bulkAdd([
      { id: 'x1', ownerId: 'd1', componentIndex: 1, order: 0, sha256: 'b'.repeat(64), name: 'Giấy chứng sinh.pdf', type: 'application/pdf', size: 9 },
      { id: 'x2', ownerId: 'd1', componentIndex: -1, order: 0, sha256: 'c'.repeat(64), name: 'Kết quả.pdf', type: 'application/pdf', size: 9 },
    ]);
    expect(await listCitizenPapers(db, [' 001099000001 ', ''])).toEqual([
      { dossierId: 'd1', dossierCode: dossier.code, componentName: 'Giấy chứng sinh', name: 'Giấy chứng sinh.pdf', sha256: 'b'.repeat(64), size: 9 },
    ]);
    expect(await listCitizenPapers(db, ['001099000002'])).toEqual([]);
    expect(await listCitizenPapers(db, ['abc', ''])).toEqual([]);
  });
});
