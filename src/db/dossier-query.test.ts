// The list's query planner on a small database: each view, each filter, their combinations and
// the order of the results, checked against the same filter applied by hand to every row.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MotcuaDb } from './db';
import {
  countDossierViews,
  emptyDossierFilter,
  nextRowChunk,
  plainView,
  queryDossiers,
  queryDossierIds,
  dossierFacets,
  type DossierFilter,
} from './dossier-query';
import { getDossiers } from './intake';
import type { DossierRow } from './schema';

const vn = (t: string) => new Date(`${t.replace(' ', 'T')}:00+07:00`).toISOString();
const NOW = new Date(vn('2026-03-16 10:00'));

const names = ['Nguyễn Văn Mẫu', 'Lò Thị Đào', 'Trần Thị Hoa', 'Nguyễn Thị Lan', 'Phạm Đức Anh'];
const procedures = [
  { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch' },
  { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực' },
];

function row(i: number, over: Partial<DossierRow> = {}): DossierRow {
  const p = procedures[i % 2]!;
  const day = String(1 + (i % 15)).padStart(2, '0');
  return {
    id: `d${String(i).padStart(2, '0')}`,
    code: `000.00.12.H38-2603${day}-${String(i).padStart(4, '0')}`,
    status: [2, 4, 4, 5, 9, 10][i % 6]!,
    procedureCode: p.code,
    procedureName: p.name,
    field: p.field,
    catalogueVersion: 1,
    applicantName: names[i % names.length]!,
    applicantIdNumber: `0010990000${String(i).padStart(2, '0')}`,
    receivedAt: vn(`2026-03-${day} 08:${String(i % 60).padStart(2, '0')}`),
    dueAt: vn(`2026-03-${String(10 + (i % 10)).padStart(2, '0')} 17:00`),
    syncState: 'waiting',
    data: {},
    updatedAt: vn('2026-03-16 08:00'),
    ...over,
  };
}

let db: MotcuaDb;
const rows: DossierRow[] = [];

beforeAll(async () => {
  db = new MotcuaDb(`query-${Math.random()}`);
  for (let i = 0; i < 40; i++) rows.push(row(i));
  rows.push(
    row(40, {
      code: 'TAM-AB12CD-260316-0001',
      provisionalCode: 'TAM-AB12CD-260316-0001',
      applicantName: 'Hà Văn Tạm',
      status: 2,
      dueAt: vn('2026-03-17 09:00'),
    }),
  );
  await db.dossiers.bulkAdd(rows);
});
afterAll(() => db.close());

const q = (f: Partial<DossierFilter>) => queryDossierIds(db, { ...emptyDossierFilter, ...f }, NOW);
const newestFirst = (list: DossierRow[]) => [...list].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).map((r) => r.id);
const soonestFirst = (list: DossierRow[]) => [...list].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id)).map((r) => r.id);
const running = (r: DossierRow) => r.status === 2 || r.status === 4;

describe('queryDossierIds', () => {
  it('lists everything newest first', async () => {
    expect(await q({})).toEqual(newestFirst(rows));
  });

  it('"Quá hạn": running dossiers due before today, most overdue first', async () => {
    const expected = soonestFirst(rows.filter((r) => running(r) && r.dueAt < vn('2026-03-16 00:00')));
    expect(expected.length).toBeGreaterThan(3);
    expect(await q({ view: 'overdue' })).toEqual(expected);
  });

  it('"Sắp hết hạn": due from today until 24 hours from now, soonest first', async () => {
    const expected = soonestFirst(rows.filter((r) => running(r) && r.dueAt >= vn('2026-03-16 00:00') && r.dueAt <= vn('2026-03-17 10:00')));
    expect(expected).toContain('d40');
    expect(await q({ view: 'dueSoon' })).toEqual(expected);
  });

  it('"Chờ bổ sung" and "Chờ trả kết quả" are statuses 5 and 9', async () => {
    expect(await q({ view: 'waiting' })).toEqual(newestFirst(rows.filter((r) => r.status === 5)));
    expect(await q({ view: 'ready' })).toEqual(newestFirst(rows.filter((r) => r.status === 9)));
    expect(await q({ view: 'ready', status: 5 })).toEqual([]);
  });

  it('combines status, field, procedure and dates', async () => {
    const expected = rows.filter(
      (r) => r.status === 4 && r.field === 'Hộ tịch' && r.receivedAt >= vn('2026-03-03 00:00') && r.receivedAt < vn('2026-03-11 00:00'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await q({ status: 4, field: 'Hộ tịch', receivedFrom: '2026-03-03', receivedTo: '2026-03-10' })).toEqual(newestFirst(expected));
    expect(await q({ procedureCode: '2.000815', receivedTo: '2026-03-02' })).toEqual(
      newestFirst(rows.filter((r) => r.procedureCode === '2.000815' && r.receivedAt < vn('2026-03-03 00:00'))),
    );
    expect(await q({ view: 'overdue', status: 4, field: 'Chứng thực' })).toEqual(
      soonestFirst(rows.filter((r) => r.status === 4 && r.field === 'Chứng thực' && r.dueAt < vn('2026-03-16 00:00'))),
    );
    expect(await q({ view: 'overdue', status: 9 })).toEqual([]);
  });

  it('finds a name typed without accents, word by word, in any order', async () => {
    const lan = newestFirst(rows.filter((r) => r.applicantName === 'Nguyễn Thị Lan'));
    expect(await q({ text: 'nguyen lan' })).toEqual(lan);
    expect(await q({ text: 'LAN  Nguyễn' })).toEqual(lan);
    expect(await q({ text: 'dao' })).toEqual(newestFirst(rows.filter((r) => r.applicantName === 'Lò Thị Đào')));
    expect(await q({ text: 'nguy', field: 'Hộ tịch' })).toEqual(newestFirst(rows.filter((r) => r.applicantName.startsWith('Nguyễn') && r.field === 'Hộ tịch')));
  });

  it('reads several words as typed: whole words, the last one still being typed, all of one name', async () => {
    const lan = newestFirst(rows.filter((r) => r.applicantName === 'Nguyễn Thị Lan'));
    expect(await q({ text: 'nguyen thi l' })).toEqual(lan);
    expect(await q({ text: 'thi nguyen' })).toEqual(lan);
    expect(await q({ text: 'lan nguy' })).toEqual(lan);
    // "Thị" and "Đào" are both on the desk, but only Lò Thị Đào has both.
    expect(await q({ text: 'thi dao' })).toEqual(newestFirst(rows.filter((r) => r.applicantName === 'Lò Thị Đào')));
    // Words of two different people's names ("Văn" of Nguyễn Văn Mẫu, "Hoa" of Trần Thị Hoa) match no one.
    expect(await q({ text: 'van hoa' })).toEqual([]);
    // A word typed twice must be in the name twice.
    expect(await q({ text: 'thi thi' })).toEqual([]);
    // A word in the middle must be whole once the officer has typed past it.
    expect(await q({ text: 'ng thi lan' })).toEqual([]);
    // With a code or an ID number among the words, each word is the start of a word, as before.
    expect(await q({ text: 'lan 001099000003' })).toEqual(['d03']);
  });

  it('finds a code (official, provisional or its tail) and an ID number', async () => {
    expect(await q({ text: '000.00.12.H38-260305-0004' })).toEqual(['d04']);
    expect(await q({ text: '260305-0004' })).toEqual(['d04']);
    expect(await q({ text: 'tam-ab12cd' })).toEqual(['d40']);
    expect(await q({ text: '001099000017' })).toEqual(['d17']);
    expect(await q({ text: 'không ai tên này' })).toEqual([]);
  });

  it('follows changes: a dossier leaves "Quá hạn" when it is finished', async () => {
    const [first] = await q({ view: 'overdue' });
    await db.dossiers.update(first!, { status: 9 });
    expect(await q({ view: 'overdue' })).not.toContain(first);
    expect(await q({ view: 'ready' })).toContain(first);
  });

  it('reads only the rows asked for, in order, and the facets from the indexes', async () => {
    const page = await getDossiers(db, ['d03', 'd01', 'missing']);
    expect(page.map((r) => r?.id)).toEqual(['d03', 'd01', undefined]);
    const facets = await dossierFacets(db);
    expect(facets.fields).toEqual(['Chứng thực', 'Hộ tịch']);
    expect(facets.procedures.map((p) => p.code)).toEqual(['2.000815', '1.001193']);
  });

  it('finds every field and procedure present, including one held by a single dossier, and forgets one no longer held', async () => {
    const own = new MotcuaDb(`facets-${Math.random()}`);
    try {
      expect(await dossierFacets(own)).toEqual({ fields: [], procedures: [] });
      const odd = { procedureCode: '1.000894', procedureName: 'Đăng ký kết hôn', field: 'Hộ tịch' };
      await own.dossiers.bulkAdd([
        row(0),
        row(1),
        row(2),
        row(3, odd),
        row(4, { procedureCode: '3.000001', procedureName: 'Cấp giấy phép xây dựng', field: 'Xây dựng' }),
      ]);
      expect(await dossierFacets(own)).toEqual({
        fields: ['Chứng thực', 'Hộ tịch', 'Xây dựng'],
        procedures: [
          { code: '3.000001', name: 'Cấp giấy phép xây dựng' },
          { code: '2.000815', name: 'Chứng thực bản sao từ bản chính' },
          { code: '1.000894', name: 'Đăng ký kết hôn' },
          { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
        ],
      });
      await own.dossiers.bulkDelete(['d04', 'd01']);
      expect(await dossierFacets(own)).toEqual({
        fields: ['Hộ tịch'],
        procedures: [
          { code: '1.000894', name: 'Đăng ký kết hôn' },
          { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
        ],
      });
    } finally {
      own.close();
    }
  });

  it('keeps a live query of the facets current: a value between two others, past the last, and one gone', async () => {
    const own = new MotcuaDb(`facets-live-${Math.random()}`);
    const seen: string[][] = [];
    const subscription = liveQuery(() => dossierFacets(own)).subscribe((f) => seen.push(f.fields));
    const shows = (fields: string[]) => vi.waitFor(() => expect(seen.at(-1)).toEqual(fields));
    try {
      await own.dossiers.bulkAdd([row(0, { field: 'Chứng thực' }), row(1, { field: 'Xây dựng' })]);
      await shows(['Chứng thực', 'Xây dựng']);
      await own.dossiers.add(row(2, { field: 'Hộ tịch' }));
      await shows(['Chứng thực', 'Hộ tịch', 'Xây dựng']);
      await own.dossiers.add(row(3, { field: 'Y tế' }));
      await shows(['Chứng thực', 'Hộ tịch', 'Xây dựng', 'Y tế']);
      await own.dossiers.delete('d02');
      await shows(['Chứng thực', 'Xây dựng', 'Y tế']);
    } finally {
      subscription.unsubscribe();
      own.close();
    }
  });
});

describe('countDossierViews', () => {
  it('agrees with the views themselves', async () => {
    const counts = await countDossierViews(db, NOW);
    for (const view of ['dueSoon', 'overdue', 'waiting', 'ready'] as const) {
      expect(counts[view], view).toBe((await q({ view })).length);
    }
    expect(counts.all).toBe(41);
  });

  it("is the count of a list that asks for a view and nothing more (the page shows it as the list's count)", async () => {
    const counts = await countDossierViews(db, NOW);
    for (const view of ['all', 'dueSoon', 'overdue', 'waiting', 'ready'] as const) {
      const filter = { ...emptyDossierFilter, view };
      expect(plainView(filter)).toBe(view);
      expect(counts[view], view).toBe(await (await queryDossiers(db, filter, NOW)).count());
    }
    // Blank text is no constraint; anything else is.
    expect(plainView({ ...emptyDossierFilter, view: 'ready', text: '  ' })).toBe('ready');
    for (const more of [
      { text: 'lan' },
      { status: 4 },
      { field: 'Hộ tịch' },
      { procedureCode: '1.001193' },
      { receivedFrom: '2026-03-01' },
      { receivedTo: '2026-03-31' },
    ]) {
      expect(plainView({ ...emptyDossierFilter, ...more }), JSON.stringify(more)).toBeNull();
    }
  });
});

describe('queryDossiers', () => {
  it('pages a list read straight from one index, in the same order as the whole list', async () => {
    for (const filter of [{}, { view: 'ready' as const }, { view: 'overdue' as const }, { field: 'Hộ tịch' }]) {
      const list = await queryDossiers(db, { ...emptyDossierFilter, ...filter }, NOW);
      const all = await q(filter);
      expect(await list.count()).toBe(all.length);
      expect(await list.slice(2, 7)).toEqual(all.slice(2, 7));
      expect(await list.slice(all.length - 1, all.length + 5)).toEqual(all.slice(-1));
    }
  });

  it('pages many word matches by walking the received index only as far as asked', async () => {
    const filter = { ...emptyDossierFilter, text: 'thi' };
    const all = await q({ text: 'thi' });
    expect(all).toEqual(newestFirst(rows.filter((r) => / Thị /.test(r.applicantName))));
    const list = await queryDossiers(db, filter, NOW, { smallMatch: 0, walkChunk: 4 });
    // Asked out of order and twice at once, as the virtual list may.
    const [middle, first] = await Promise.all([list.slice(10, 15), list.slice(0, 5)]);
    expect(first).toEqual(all.slice(0, 5));
    expect(middle).toEqual(all.slice(10, 15));
    expect(await list.slice(all.length - 2, all.length + 10)).toEqual(all.slice(-2));
    expect(await list.count()).toBe(all.length);
  });

  it('orders word matches the same whether it walks the received index, reads their rows, or switches part-way (equal times: id descending)', async () => {
    const own = new MotcuaDb(`ties-${Math.random()}`);
    try {
      // Three dossiers at each time, and a shared word ("thi") among many of them.
      const tied = Array.from({ length: 30 }, (_, i) => row(i, { receivedAt: vn(`2026-03-${String(1 + Math.floor(i / 3)).padStart(2, '0')} 08:00`) }));
      await own.dossiers.bulkAdd(tied);
      const expected = [...tied]
        .filter((r) => / Thị /.test(r.applicantName))
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id))
        .map((r) => r.id);
      expect(expected.length).toBeGreaterThan(6);
      for (const text of ['thi', 'nguyen thi', 'thi l']) {
        const want = text === 'thi' ? expected : await queryDossierIds(own, { ...emptyDossierFilter, text }, NOW, { rowCostInKeys: 0 });
        for (const tuning of [
          { rowCostInKeys: 0 },
          { rowCostInKeys: 1000, walkChunk: 2 },
          { rowCostInKeys: 1, walkChunk: 4 },
          { smallMatch: 0, walkChunk: 5 },
        ]) {
          const list = await queryDossiers(own, { ...emptyDossierFilter, text }, NOW, tuning);
          // A middle page first, as the virtual list may ask, then everything.
          expect(await list.slice(3, 6), `${text} ${JSON.stringify(tuning)}`).toEqual(want.slice(3, 6));
          expect(await list.slice(0, want.length + 2), `${text} ${JSON.stringify(tuning)}`).toEqual(want);
          expect(await list.count()).toBe(want.length);
        }
      }
      // Wide constraints ordered by receipt: the newest rows walked give the same order of ties as the intersected keys.
      // (Field and procedure both hold the even dossiers, two of each time among them.)
      const wide = { ...emptyDossierFilter, procedureCode: '1.001193', field: 'Hộ tịch' };
      const byKeys = await queryDossierIds(own, wide, NOW, { smallMatch: 0, rowBudget: 0 });
      expect(byKeys).toEqual(
        [...tied]
          .filter((r) => r.procedureCode === '1.001193')
          .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id))
          .map((r) => r.id),
      );
      expect(await queryDossierIds(own, wide, NOW, { smallMatch: 0, rowChunk: 2 })).toEqual(byKeys);
    } finally {
      own.close();
    }
  });

  it('reads as many rows next as the share of matches met so far says it takes, within a request’s bounds', () => {
    // Knowing nothing yet: twice the rows wanted. Then the share met, with half again to spare.
    expect(nextRowChunk(30, 0, 0, 256)).toBe(60);
    expect(nextRowChunk(10, 60, 20, 256)).toBe(45);
    expect(nextRowChunk(7, 60, 23, 256)).toBe(32); // never fewer than a request is worth
    expect(nextRowChunk(20, 60, 0, 256)).toBe(256); // rare matches: a full chunk, never more
    expect(nextRowChunk(30, 0, 0, 2)).toBe(2);
  });

  it('pages wide constraints from the newest rows of one, reading no key set for the first page, and counts them all', async () => {
    const filter = { ...emptyDossierFilter, status: 4, field: 'Hộ tịch' };
    const all = await q({ status: 4, field: 'Hộ tịch' });
    expect(all).toEqual(newestFirst(rows.filter((r) => r.status === 4 && r.field === 'Hộ tịch')));
    expect(all.length).toBeGreaterThan(4);
    for (const tuning of [
      { smallMatch: 0, rowChunk: 2 },
      { smallMatch: 0, rowChunk: 2, rowBudget: 2 },
    ]) {
      const list = await queryDossiers(db, filter, NOW, tuning);
      const primaryKeys = vi.spyOn(Object.getPrototypeOf(db.dossiers.toCollection()), 'primaryKeys');
      try {
        expect(await list.slice(0, 2), JSON.stringify(tuning)).toEqual(all.slice(0, 2));
        // Walking rows asks no key set; past the budget the key sets answer instead.
        expect(primaryKeys.mock.calls.length > 0, JSON.stringify(tuning)).toBe(tuning.rowBudget !== undefined);
      } finally {
        primaryKeys.mockRestore();
      }
      // A middle page first, as the virtual list may ask, then everything, then the count.
      expect(await list.slice(3, 5)).toEqual(all.slice(3, 5));
      expect(await list.slice(0, all.length + 3)).toEqual(all);
      expect(await list.count()).toBe(all.length);
    }
  });

  it('glances at a few keys of each constraint first: wide ones page from rows without the longer look, unless the rows fall short', async () => {
    const filter = { ...emptyDossierFilter, status: 4, field: 'Hộ tịch' };
    const all = await q({ status: 4, field: 'Hộ tịch' });
    const collection = Object.getPrototypeOf(db.dossiers.toCollection()) as { limit(n: number): unknown };
    for (const [tuning, longLook] of [
      [{ firstLook: 4, rowChunk: 2 }, false], // half the newest "Đang xử lý" rows are "Hộ tịch": four rows fill two places
      [{ firstLook: 4, rowChunk: 1, rowBudget: 1 }, true], // one row cannot: the whole plan answers
    ] as const) {
      const limit = vi.spyOn(collection, 'limit');
      try {
        const list = await queryDossiers(db, filter, NOW, tuning);
        expect(await list.slice(0, 2), JSON.stringify(tuning)).toEqual(all.slice(0, 2));
        // The glance reads five keys of each; the longer look, 2,001.
        expect(
          limit.mock.calls.some(([n]) => n === 5),
          JSON.stringify(tuning),
        ).toBe(true);
        expect(
          limit.mock.calls.some(([n]) => n === 2001),
          JSON.stringify(tuning),
        ).toBe(longLook);
        expect(await list.slice(0, all.length + 3)).toEqual(all);
        expect(await list.count()).toBe(all.length);
      } finally {
        limit.mockRestore();
      }
    }
  });

  it('goes on with the rows walked within a glance when the longer look chooses the same walk: no row is read twice', async () => {
    const filter = { ...emptyDossierFilter, status: 4, field: 'Hộ tịch' };
    const all = await q({ status: 4, field: 'Hộ tịch' });
    const collection = Object.getPrototypeOf(db.dossiers.toCollection()) as { offset(n: number): unknown };
    const offset = vi.spyOn(collection, 'offset');
    try {
      // A glance of two keys and a walk of two rows, then a look of four keys (every constraint wider): the walk goes on.
      const list = await queryDossiers(db, filter, NOW, { firstLook: 2, smallMatch: 3, rowChunk: 1 });
      expect(await list.slice(0, all.length + 3)).toEqual(all);
      const starts = offset.mock.calls.map(([n]) => n);
      expect(starts.length).toBeGreaterThan(2);
      expect(new Set(starts).size).toBe(starts.length);
    } finally {
      offset.mockRestore();
    }
  });

  it('gives the same lists by either plan: rows of the narrowest constraint, or keys of all', async () => {
    const filters: Partial<DossierFilter>[] = [
      { status: 4, field: 'Hộ tịch', receivedFrom: '2026-03-03', receivedTo: '2026-03-10' },
      { view: 'overdue', status: 4, field: 'Chứng thực' },
      { view: 'overdue', text: 'nguyen' },
      { text: 'nguyen lan' },
      { text: 'nguyen thi' },
      { text: 'thi' },
      { text: 'nguyen thi l', status: 4 },
      { text: 'nguy', field: 'Hộ tịch' },
      { procedureCode: '2.000815', receivedTo: '2026-03-02' },
    ];
    for (const f of filters) {
      const filter = { ...emptyDossierFilter, ...f };
      const expected = await q(f);
      expect(expected.length, JSON.stringify(f)).toBeGreaterThan(0);
      // All wide; all narrow with keys cheaper; narrow rows read; one narrow among wide ones.
      for (const tuning of [
        { smallMatch: 0 },
        { smallMatch: 0, walkChunk: 3 },
        { rowCostInKeys: 1000 },
        { rowCostInKeys: 0 },
        { smallMatch: 3 },
        { rowCostInKeys: 1, walkChunk: 4 },
        // All wide, the driver's rows walked: a few at a time, giving up for the key sets early or never.
        { smallMatch: 0, rowChunk: 2, rowBudget: 4 },
        { smallMatch: 0, rowChunk: 3 },
        // A glance first: narrow at a glance; wide, walked within a glance's rows or planned after.
        { firstLook: 3 },
        { firstLook: 1, rowChunk: 1 },
        { firstLook: 0 },
        { firstLook: 2, smallMatch: 3, rowChunk: 1 },
      ]) {
        expect(await queryDossierIds(db, filter, NOW, tuning), `${JSON.stringify(f)} ${JSON.stringify(tuning)}`).toEqual(expected);
      }
    }
  });
});
