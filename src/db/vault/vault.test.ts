// The vault as the app meets it: rows of every sealed table come back as written while the stored
// bytes hold no personal value; name and ID-number search find the same dossiers before and after
// sealing; a locked vault refuses to read or write personal data and changes nothing; a wrong key
// is refused; an interrupted sealing of existing rows resumes at the next unlock, losing nothing.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { monthPeriod, periodBounds } from '../../domain/reports';
import { MotcuaDb } from '../db';
import { emptyDossierFilter, queryDossierIds, type DossierFilter } from '../dossier-query';
import { listCitizenPapers } from '../files';
import { loadReportRecords } from '../report-records';
import type { CaptureQueueRow, DossierRow, OutboxEntry, PageSourceRow, ProcessingLogRow } from '../schema';
import { pendingEntry, sampleBirthDossier } from '../test-support';
import { forgetMasterKey, holdMasterKey, newMasterKey } from './key-holder';
import { datePairs } from './date-pairs';
import { datedPairKey, openVault, sealExistingData, sealingTuning, setUpVault, vaultNamed, vaultState, verifyMasterKey, type SealProgress } from './state';
import { receiptStamp } from './sealer';
import { SEALED, SEALED_TABLES, VAULT_SETTING, type VaultRecord } from './tables';

const dbs: Dexie[] = [];
const fresh = (name = `vault-${Math.random()}`) => {
  const db = new MotcuaDb(name);
  dbs.push(db);
  return db;
};
afterEach(() => {
  forgetMasterKey();
  sealingTuning.chunkSize = 500;
  for (const db of dbs.splice(0)) db.close();
});

/** The stored rows of a table as IndexedDB holds them, read without the app's middleware. */
async function rawRows(name: string, table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  try {
    await raw.open();
    return (await raw.table(table).toArray()) as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

/** Everything stored in the database, as text (strings as they are, Uint8Arrays as their bytes read as text). */
async function storedText(name: string): Promise<string> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    const parts: string[] = [];
    for (const table of raw.tables)
      parts.push(JSON.stringify(await table.toArray(), (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)));
    return parts.join('\n');
  } finally {
    raw.close();
  }
}

const vn = (t: string) => new Date(`${t.replace(' ', 'T')}:00+07:00`).toISOString();
const names = ['Nguyễn Văn Mẫu', 'Lò Thị Đào', 'Trần Thị Hoa', 'Nguyễn Thị Lan', 'Phạm Đức Anh'];

function dossier(i: number, over: Partial<DossierRow> = {}): DossierRow {
  const day = String(1 + (i % 15)).padStart(2, '0');
  return {
    id: `d${String(i).padStart(2, '0')}`,
    code: `000.00.12.H38-2603${day}-${String(i).padStart(4, '0')}`,
    status: [2, 4, 4, 5, 9, 10][i % 6]!,
    procedureCode: sampleBirthDossier.procedureCode,
    procedureName: sampleBirthDossier.procedureName,
    field: sampleBirthDossier.field,
    catalogueVersion: 1,
    applicantName: names[i % names.length]!,
    applicantIdNumber: `0010990000${String(i).padStart(2, '0')}`,
    receivedAt: vn(`2026-03-${day} 08:${String(i % 60).padStart(2, '0')}`),
    dueAt: vn(`2026-03-${String(10 + (i % 10)).padStart(2, '0')} 17:00`),
    syncState: 'waiting',
    data: { intake: { owner: { fullName: names[i % names.length], birthDate: new Date('1990-02-03T00:00:00Z'), address: 'Thôn Nà Phặc' } }, n: i },
    updatedAt: vn('2026-03-16 08:00'),
    ...over,
  };
}

const blob = () => new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });

/** One row of each sealed table that a feature writes directly. */
async function writeOneOfEach(db: MotcuaDb) {
  await db.dossiers.add(dossier(1));
  await db.drafts.add({
    id: 'draft-1',
    procedureCode: '1.001193',
    procedure: {},
    step: 'review',
    data: { owner: { fullName: 'Lò Thị Đào' } },
    createdAt: '',
    updatedAt: '',
  });
  await db.outbox.add(pendingEntry('dossier.receive', 'd01', { applicantName: 'Lò Thị Đào', idNumber: '001099000001' }));
  await db.processingLog.add({
    dossierId: 'd01',
    at: vn('2026-03-02 08:00'),
    who: 'Cán bộ A',
    role: 'reception',
    action: 'receive',
    fromStatus: null,
    toStatus: 2,
    note: 'Bà Lò Thị Đào nộp thay',
  });
  await db.attachments.add({
    id: 'a1',
    ownerId: 'd01',
    componentIndex: 0,
    order: 0,
    sha256: 'f'.repeat(64),
    name: 'CCCD Lò Thị Đào.pdf',
    type: 'application/pdf',
    size: 3,
  });
  await db.captureQueue.add({ ownerId: 'draft-1', componentIndex: 0, batch: 'b1', name: 'Lò Thị Đào 1.jpg', blob: blob(), addedAt: '' });
  await db.pageSources.add({
    pageId: 'a1',
    ownerId: 'draft-1',
    componentIndex: 0,
    name: 'Lò Thị Đào 1.jpg',
    blob: blob(),
    corners: [],
    mode: 'text',
    turns: 0,
    addedAt: '',
  } as unknown as PageSourceRow);
}

describe('sealing at rest', () => {
  it('gives every sealed table its rows back as written, while the stored rows hold the personal fields only sealed', async () => {
    const db = fresh();
    expect(vaultState(db)).toBe('off');
    await setUpVault(db, newMasterKey());
    expect(vaultState(db)).toBe('open');
    await writeOneOfEach(db);
    await loadReportRecords(db, periodBounds(monthPeriod(2026, 3))); // builds the month's report packs

    expect(await db.dossiers.get('d01')).toEqual({
      ...dossier(1),
      searchWords: expect.any(Array),
      searchPairs: expect.any(Array),
      openDueAt: dossier(1).dueAt,
    });
    expect((await db.dossiers.get('d01'))!.data).toEqual(dossier(1).data); // a Date inside comes back a Date
    expect((await db.drafts.get('draft-1'))!.data).toEqual({ owner: { fullName: 'Lò Thị Đào' } });
    expect(((await db.outbox.toArray()) as OutboxEntry[])[0]!.payload).toEqual({ applicantName: 'Lò Thị Đào', idNumber: '001099000001' });
    expect(((await db.processingLog.toArray()) as ProcessingLogRow[])[0]!.note).toBe('Bà Lò Thị Đào nộp thay');
    expect((await db.attachments.get('a1'))!.name).toBe('CCCD Lò Thị Đào.pdf');
    expect(((await db.captureQueue.toArray()) as CaptureQueueRow[])[0]!.name).toBe('Lò Thị Đào 1.jpg');
    expect((await db.pageSources.get('a1'))!.name).toBe('Lò Thị Đào 1.jpg');
    expect((await db.dossierFacts.get('d01'))!.applicantName).toBe('Lò Thị Đào');
    expect(await db.reportPacks.count()).toBeGreaterThan(0);
    const records = await loadReportRecords(db, periodBounds(monthPeriod(2026, 3))); // read back from the packs
    expect(records.map((r) => r.applicantName)).toEqual(['Lò Thị Đào']);
    // Each form of the cursor walk opens rows too.
    const walked: string[] = [];
    await db.dossiers.each((row) => walked.push(row.applicantName));
    expect(walked).toEqual(['Lò Thị Đào']);

    const stored = await storedText(db.name);
    for (const secret of ['Lò Thị Đào', 'lo thi dao', '001099000001', 'Thôn Nà Phặc', 'nộp thay']) expect(stored).not.toContain(secret);
    for (const table of SEALED_TABLES) {
      for (const row of await rawRows(db.name, table)) expect(row[SEALED], table).toBeInstanceOf(Uint8Array);
    }
    const [raw] = await rawRows(db.name, 'dossiers');
    expect(raw).toMatchObject({ id: 'd01', code: dossier(1).code, status: 4, procedureCode: '1.001193', receivedAt: dossier(1).receivedAt });
    expect(raw!.data).toBeUndefined();
  });

  it('leaves everything clear, as before, on a device whose vault was never set up', async () => {
    const db = fresh();
    await writeOneOfEach(db);
    expect(vaultState(db)).toBe('off');
    expect(await storedText(db.name)).toContain('Lò Thị Đào');
    expect((await rawRows(db.name, 'dossiers'))[0]![SEALED]).toBeUndefined();
  });
});

describe('search once sealed', () => {
  const filters: Partial<DossierFilter>[] = [
    { text: 'nguyen' },
    { text: 'ngu' },
    { text: 'Nguyễn Thị' },
    { text: 'nguyen thi' },
    { text: 'nguyen thi lan' },
    { text: 'lan nguy' },
    { text: 'thi lo' },
    { text: 'dao' },
    { text: '001099000012' },
    { text: '0010990000' },
    { text: '0001' },
    { text: '000.00.12.h38-260302' },
    { text: '260302' },
    { text: 'tam' },
    { text: 'nguyen', status: 4 },
    { text: 'thi', view: 'dueSoon' },
  ];
  const now = new Date(vn('2026-03-16 10:00'));
  const rows = [
    ...Array.from({ length: 40 }, (_, i) => dossier(i)),
    dossier(40, { code: 'TAM-AB12CD-260316-0001', provisionalCode: 'TAM-AB12CD-260316-0001', applicantName: 'Hà Văn Tạm' }),
  ];

  it('finds by name prefix, name words in any order, ID number and code exactly what an unsealed desk finds, reading tokens', async () => {
    const clear = fresh();
    await clear.dossiers.bulkAdd(rows);
    const sealed = fresh();
    await sealed.dossiers.bulkAdd(rows);
    sealingTuning.chunkSize = 7;
    await setUpVault(sealed, newMasterKey());
    const check = async () => {
      for (const filter of filters) {
        const f = { ...emptyDossierFilter, ...filter };
        expect(await queryDossierIds(sealed, f, now), JSON.stringify(filter)).toEqual(await queryDossierIds(clear, f, now));
      }
    };
    // Half-way through sealing, clear and sealed rows side by side: both are found.
    let chunks = 0;
    await expect(
      sealExistingData(sealed, () => {
        if (++chunks === 3) throw new Error('half');
      }),
    ).rejects.toThrow('half');
    const mixed = await rawRows(sealed.name, 'dossiers');
    expect(mixed.filter((r) => r[SEALED]).length).toBeGreaterThan(0);
    expect(mixed.filter((r) => !r[SEALED]).length).toBeGreaterThan(0);
    await check();
    expect(await sealExistingData(sealed)).toEqual({ done: expect.any(Number), total: expect.any(Number) });
    await check();

    for (const filter of filters) {
      const f = { ...emptyDossierFilter, ...filter };
      const expected = await queryDossierIds(clear, f, now);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(await queryDossierIds(sealed, f, now), JSON.stringify(filter)).toEqual(expected);
      // Every plan, sealed and clear alike: reading rows, intersecting keys, walking the received index (switching to rows part-way).
      for (const tuning of [
        { smallMatch: 0 },
        { smallMatch: 0, walkChunk: 3 },
        { rowCostInKeys: 0 },
        { rowCostInKeys: 1000, walkChunk: 5 },
        { rowCostInKeys: 1, walkChunk: 4 },
        { smallMatch: 3 },
        { firstLook: 2, rowChunk: 1 },
        { firstLook: 0 },
      ]) {
        const label = `${JSON.stringify(filter)} ${JSON.stringify(tuning)}`;
        expect(await queryDossierIds(sealed, f, now, tuning), label).toEqual(expected);
        expect(await queryDossierIds(clear, f, now, tuning), label).toEqual(expected);
      }
    }
    const [raw] = await rawRows(sealed.name, 'dossiers');
    expect(raw!.searchWords).not.toContain('nguyen');
    expect((raw!.searchWords as string[]).every((w) => w.startsWith('#') || /\d/.test(w))).toBe(true); // tokens, and the codes' words
    expect((raw!.searchPairs as string[]).every((w) => w.startsWith('#'))).toBe(true);
    expect(raw!.applicantName).toMatch(/^#/);
  });

  it('finds the same on a vault sealed before v11 while its pairs are dated (stopped half-way, resumed at the next run), then pages them from the index', async () => {
    const clear = fresh();
    await clear.dossiers.bulkAdd(rows);
    const sealed = fresh();
    await sealed.dossiers.bulkAdd(rows);
    await setUpVault(sealed, newMasterKey());
    await sealExistingData(sealed);
    const sealerPairs = new Map((await rawRows(sealed.name, 'dossiers')).map((r) => [r.id, r.searchPairs]));
    const sameAsClear = async () => {
      for (const filter of filters) {
        const f = { ...emptyDossierFilter, ...filter };
        expect(await queryDossierIds(sealed, f, now), JSON.stringify(filter)).toEqual(await queryDossierIds(clear, f, now));
      }
    };

    // As v10 left it: pair tokens without the time, and a vault record that knows nothing of dating.
    const vault = vaultNamed(sealed.name);
    const { datedPairs: _dated, ...v10Record } = vault.record!;
    const raw = new Dexie(sealed.name);
    await raw.open();
    await raw
      .table('dossiers')
      .toCollection()
      .modify((r: { searchPairs: string[] }) => {
        r.searchPairs = r.searchPairs.map((p) => p.slice(0, 17));
      });
    await raw.table('settings').put({ key: VAULT_SETTING, value: v10Record, updatedAt: '' });
    raw.close();
    vault.record = v10Record as VaultRecord;
    expect(datedPairKey(sealed, 'nguyen', 'thi')).toBeNull();
    await sameAsClear();

    // The walk stops after two chunks of 7 (a closed tab): dated and undated rows side by side.
    let chunks = 0;
    const env = { sealedKey: SEALED, setting: VAULT_SETTING };
    const stopAfterTwo = () => {
      if (++chunks === 2) throw new Error('tab closed');
    };
    await expect(datePairs(sealed, vault, 7, env, stopAfterTwo)).rejects.toThrow('tab closed');
    const half = (await rawRows(sealed.name, 'dossiers')).map((r) => (r.searchPairs as string[])[0]!.length);
    expect(half.filter((length) => length === 26)).toHaveLength(14);
    expect(half.filter((length) => length === 17)).toHaveLength(rows.length - 14);
    expect(datedPairKey(sealed, 'nguyen', 'thi')).toBeNull();
    await sameAsClear();

    // The next run goes on from the stored position: the rest only, each row dated once.
    expect(await datePairs(sealed, vault, 7, env)).toBe(rows.length - 14);
    expect(await sealExistingData(sealed)).toEqual({ done: expect.any(Number), total: expect.any(Number) });
    for (const r of await rawRows(sealed.name, 'dossiers')) expect(r.searchPairs, r.id as string).toEqual(sealerPairs.get(r.id));
    const [stored] = (await rawRows(sealed.name, 'settings')).filter((r) => r.key === VAULT_SETTING);
    expect((stored!.value as VaultRecord).datedPairs).toEqual({ done: true });
    expect(datedPairKey(sealed, 'nguyen', 'thi')).toMatch(/^#.{16}$/);
    await sameAsClear();
  });

  it('dates each name pair token with its receipt time, in text that sorts as the time does', () => {
    const times = ['1999-12-31T23:59:59.999Z', '2026-03-02T01:00:00.000Z', '2026-03-02T01:00:00.001Z', '2026-11-20T08:00:00+07:00', '2100-01-01T00:00:00.000Z'];
    const stamps = times.map(receiptStamp);
    expect(stamps.every((s) => /^[0-9a-z]{9}$/.test(s))).toBe(true);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(times.length);
    // No time (or none that parses) sorts first: such a dossier is the oldest, never a refusal.
    expect([receiptStamp(undefined), receiptStamp('soon')]).toEqual(['000000000', '000000000']);
  });

  it('finds a citizen’s earlier papers by exact ID number', async () => {
    const db = fresh();
    await setUpVault(db, newMasterKey());
    await db.dossiers.add(dossier(3, { data: { procedure: { components: [{ name: 'Giấy tờ tùy thân' }] } } }));
    await db.attachments.add({
      id: 'a1',
      ownerId: 'd03',
      componentIndex: 0,
      order: 0,
      sha256: 'a'.repeat(64),
      name: 'CCCD.pdf',
      type: 'application/pdf',
      size: 3,
    });
    expect((await listCitizenPapers(db, ['001099000003'])).map((p) => p.dossierId)).toEqual(['d03']);
    expect(await listCitizenPapers(db, ['001099000004'])).toEqual([]);
  });
});

describe('a locked vault', () => {
  it('refuses to read a sealed row or write a personal field, and changes nothing; keys and counts stay readable', async () => {
    const name = `vault-${Math.random()}`;
    const db = fresh(name);
    await setUpVault(db, newMasterKey());
    await db.dossiers.add(dossier(1));
    // Modified in place and updated, while open: personal fields survive and change as asked.
    await db.dossiers.where('id').equals('d01').modify({ status: 5 });
    await db.dossiers.update('d01', { applicantIdNumber: '001099000111' });
    expect(await db.dossiers.get('d01')).toMatchObject({ status: 5, applicantName: names[1], applicantIdNumber: '001099000111', data: dossier(1).data });
    const readBefore = (await db.dossiers.get('d01'))!;
    const before = await rawRows(name, 'dossiers');
    forgetMasterKey();
    // A row read while open, its personal fields first touched after the lock: refused too.
    expect(() => readBefore.applicantName).toThrow(expect.objectContaining({ code: 'vault.locked' }));
    expect(vaultState(db)).toBe('locked');

    await expect(db.dossiers.get('d01')).rejects.toMatchObject({ code: 'vault.locked' });
    await expect(db.dossiers.toArray()).rejects.toMatchObject({ code: 'vault.locked' });
    await expect(db.dossiers.each(() => undefined)).rejects.toMatchObject({ code: 'vault.locked' });
    await expect(db.dossiers.put(dossier(1, { applicantName: 'Người Khác' }))).rejects.toMatchObject({ code: 'vault.locked' });
    await expect(db.dossiers.add(dossier(2))).rejects.toMatchObject({ code: 'vault.locked' });
    await expect(db.outbox.add(pendingEntry('dossier.receive', 'd02', { a: 1 }))).rejects.toMatchObject({ code: 'vault.locked' });
    expect(await db.dossiers.toCollection().primaryKeys()).toEqual(['d01']);
    expect(await db.outbox.count()).toBe(0);
    expect(await rawRows(name, 'dossiers')).toEqual(before);

    // A fresh start of the app: locked until a key arrives.
    db.close();
    const again = fresh(name);
    await again.open();
    expect(vaultState(again)).toBe('locked');
  });

  it('refuses a wrong key and stays locked; opens with the right one', async () => {
    const db = fresh();
    const master = newMasterKey();
    await setUpVault(db, master);
    await db.dossiers.add(dossier(1));
    forgetMasterKey();
    const wrong = newMasterKey();
    expect(await verifyMasterKey(db, wrong)).toBe(false);
    expect(await verifyMasterKey(db, master)).toBe(true);
    await expect(setUpVault(db, wrong)).rejects.toMatchObject({ code: 'vault.wrong_key' });
    forgetMasterKey();
    holdMasterKey(wrong);
    await expect(openVault(db)).rejects.toMatchObject({ code: 'vault.wrong_key' });
    expect(vaultState(db)).toBe('locked');
    await expect(db.dossiers.get('d01')).rejects.toMatchObject({ code: 'vault.locked' });
    holdMasterKey(master);
    expect(await openVault(db)).toBe('open');
    expect((await db.dossiers.get('d01'))!.applicantName).toBe(names[1]);
  });
});

describe('sealing the rows already on the device', () => {
  it('resumes after the tab closed half-way, loses nothing and seals nothing twice; rows written meanwhile are sealed on write', async () => {
    const name = `vault-${Math.random()}`;
    const db = fresh(name);
    const rows = Array.from({ length: 23 }, (_, i) => dossier(i));
    await db.dossiers.bulkAdd(rows);
    await db.outbox.bulkAdd(rows.map((r) => pendingEntry('dossier.receive', r.id, { applicantName: r.applicantName })));
    sealingTuning.chunkSize = 5;
    const master = newMasterKey();

    // The tab "closes" after the second chunk: the run stops between two transactions.
    const seen: SealProgress[] = [];
    await setUpVault(db, master);
    await expect(
      sealExistingData(db, (p) => {
        seen.push(p);
        if (seen.length === 3) throw new Error('tab closed');
      }),
    ).rejects.toThrow('tab closed');
    const half = await rawRows(name, 'dossiers');
    const sealedCount = half.filter((r) => r[SEALED] instanceof Uint8Array).length;
    expect(sealedCount).toBeGreaterThan(0);
    expect(sealedCount).toBeLessThan(rows.length);
    await db.dossiers.add(dossier(30)); // written meanwhile, sealed by the middleware
    db.close();
    forgetMasterKey();

    // Next start and unlock: sealing goes on by itself from where it stopped.
    const again = fresh(name);
    await again.open();
    expect(vaultState(again)).toBe('locked');
    holdMasterKey(master);
    expect(await openVault(again)).toBe('open');
    const progress: SealProgress[] = [];
    const end = await sealExistingData(again, (p) => progress.push(p));
    expect(end).toEqual({ done: end.total, total: end.total });
    expect(end.total).toBeGreaterThanOrEqual(rows.length * 2 + 1);
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);

    for (const table of ['dossiers', 'outbox', 'dossierFacts']) {
      for (const row of await rawRows(name, table)) expect(row[SEALED], table).toBeInstanceOf(Uint8Array);
    }
    // Every row opens to what was written: a row sealed twice would open to another sealed value.
    const back = await again.dossiers.toArray();
    expect(back.map((r) => ({ id: r.id, applicantName: r.applicantName, data: r.data }))).toEqual(
      [...rows, dossier(30)].map((r) => ({ id: r.id, applicantName: r.applicantName, data: r.data })),
    );
    expect(back.every((r) => !(SEALED in r))).toBe(true);
    expect((await again.outbox.toArray()).map((e) => (e.payload as { applicantName: string }).applicantName)).toEqual(rows.map((r) => r.applicantName));
    expect(await sealExistingData(again)).toEqual(end); // nothing left: returns at once
  });
});
