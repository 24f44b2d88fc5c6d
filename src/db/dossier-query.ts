// The desk's dossier list at any size: a query (view, text, status, procedure, field, dates) is
// planned onto the v4 indexes — one index range paged directly, or several constraints met on a
// few rows or on primary keys alone — and the list reads only the rows on screen.
import { addDays, atVietnamTime, vietnamDateOf, type IsoDate } from '../domain/calendar';
import { DUE_SOON_MS, isRunningStatus } from '../domain/dossier';
import type { Collection, InsertType } from 'dexie';
import type { MotcuaDb } from './db';
import { searchTokens } from './dossier-index';
import { datedPairKey, pairKeysCut, pairSearchKeys, wordSearchKeys } from './vault/state';
import type { DossierRow } from './schema';

/** The desk's ready-made views: all, sắp hết hạn, quá hạn, chờ bổ sung (5), chờ trả kết quả (9). */
export type DossierView = 'all' | 'dueSoon' | 'overdue' | 'waiting' | 'ready';

export interface DossierFilter {
  view: DossierView;
  /** Dossier code (official or provisional, or its tail), applicant name (accents optional) or ID number. */
  text: string;
  status: number | null;
  procedureCode: string | null;
  field: string | null;
  /** Received on or after / on or before these Vietnamese dates. */
  receivedFrom: IsoDate | null;
  receivedTo: IsoDate | null;
}

export const emptyDossierFilter: DossierFilter = {
  view: 'all',
  text: '',
  status: null,
  procedureCode: null,
  field: null,
  receivedFrom: null,
  receivedTo: null,
};

const VIEW_STATUS: Partial<Record<DossierView, number>> = { waiting: 5, ready: 9 };
/** At most this many rows are read to check constraints on them, rather than on keys. */
const SMALL_MATCH = 2000;
/**
 * Reading a dossier row costs IndexedDB about as much as reading eight keys (measured in Chromium,
 * tests/bench/dossiers.bench.ts): reading the narrowest constraint's rows pays only when it is
 * that much narrower than all the key sets together.
 */
const ROW_COST_IN_KEYS = 8;
const MAX_ISO = '\uffff';

/** A Dexie collection over the dossiers, made afresh for each use (collections carry offset and limit). */
type MakeCollection = () => Collection<DossierRow, string, InsertType<DossierRow, 'id'>>;

/** One constraint of a filter: an index range, the order it yields, and the same test on a row. */
interface Source {
  make: MakeCollection;
  /** received: newest first; due: soonest first; none: no useful order. */
  order: 'received' | 'due' | 'none';
  /** The keys of several ranges at once (at most `limit` of each), when one collection cannot say it: then `make` is the first range alone. */
  keys?: (limit?: number) => Promise<string[]>;
  test(row: DossierRow): boolean;
}

const keysOf = async (s: Source) => (s.keys ? s.keys() : ((await s.make().primaryKeys()) as string[]));

function receivedBounds(f: DossierFilter): [string, string] {
  const lo = f.receivedFrom ? atVietnamTime(f.receivedFrom).toISOString() : '';
  const hi = f.receivedTo ? atVietnamTime(addDays(f.receivedTo, 1)).toISOString() : MAX_ISO;
  return [lo, hi];
}

/** The sources of a filter, or null when it can match nothing (e.g. view "chờ bổ sung" with status 9). */
function plan(db: MotcuaDb, f: DossierFilter, now: Date): Source[] | null {
  const [lo, hi] = receivedBounds(f);
  const receivedIn = (row: DossierRow) => row.receivedAt >= lo && row.receivedAt < hi;
  const compound = (index: 'status' | 'field' | 'procedureCode', value: string | number): Source => ({
    make: () => db.dossiers.where(`[${index}+receivedAt]`).between([value, lo], [value, hi], true, false),
    order: 'received',
    test: (row) => row[index] === value && receivedIn(row),
  });
  const sources: Source[] = [];

  if (f.view === 'dueSoon' || f.view === 'overdue') {
    if (f.status !== null && !isRunningStatus(f.status)) return null;
    const startOfToday = atVietnamTime(vietnamDateOf(now)).toISOString();
    const soon = new Date(now.getTime() + DUE_SOON_MS).toISOString();
    const overdue = f.view === 'overdue';
    sources.push({
      make: () => (overdue ? db.dossiers.where('openDueAt').below(startOfToday) : db.dossiers.where('openDueAt').between(startOfToday, soon, true, true)),
      order: 'due',
      test: (row) => row.openDueAt !== undefined && (overdue ? row.openDueAt < startOfToday : row.openDueAt >= startOfToday && row.openDueAt <= soon),
    });
    if (f.status !== null) sources.push(compound('status', f.status));
  } else {
    const viewStatus = VIEW_STATUS[f.view];
    if (viewStatus !== undefined && f.status !== null && f.status !== viewStatus) return null;
    const status = viewStatus ?? f.status;
    if (status !== null) sources.push(compound('status', status));
  }
  if (f.field) sources.push(compound('field', f.field));
  if (f.procedureCode) sources.push(compound('procedureCode', f.procedureCode));
  if ((f.receivedFrom || f.receivedTo) && !sources.some((s) => s.order === 'received')) {
    sources.push({ make: () => db.dossiers.where('receivedAt').between(lo, hi, true, false), order: 'received', test: receivedIn });
  }
  sources.push(...textSources(db, searchTokens(f.text)));
  return sources;
}

/**
 * The search box's constraints. Several words that are all letters (a name) are read as the officer
 * types them: every word but the last is a whole word of the name, the last the start of another,
 * in any order ("lan nguy" finds Nguyễn Thị Lan). Each whole word gives the pair range "word last…"
 * of searchPairs (dossier-index.ts; once sealed, one token's range in receipt order), and the
 * planner reads the narrowest. Otherwise (one word, or a code or ID number among them) each word is
 * the start of a word of the name, the ID or the codes.
 */
function textSources(db: MotcuaDb, tokens: string[]): Source[] {
  const last = tokens[tokens.length - 1];
  if (last !== undefined && tokens.length >= 2 && tokens.every((t) => /^\p{L}+$/u.test(t))) {
    const whole = [...new Set(tokens.slice(0, -1))];
    const pairs = whole.map((word) => {
      const dated = datedPairKey(db, word, last);
      return dated === null ? startsWithAny(db, 'searchPairs', pairSearchKeys(db, word, last)) : newestFirstPairs(db, dated);
    });
    // Sealed pairs hold the other word's first letters only (vault/tables.ts): the rest is a word's start.
    return pairKeysCut(db, last) ? [...pairs, startsWithAny(db, 'searchWords', wordSearchKeys(db, last))] : pairs;
  }
  return tokens.map((token) => startsWithAny(db, 'searchWords', wordSearchKeys(db, token)));
}

/**
 * A sealed pair's range: its index values are the token then the receipt time (datedPairKey), so
 * the range is ordered by receipt like the status or field ranges, and a name search of thousands
 * of matches pages straight from it.
 */
function newestFirstPairs(db: MotcuaDb, token: string): Source {
  return {
    make: () => db.dossiers.where('searchPairs').startsWith(token),
    order: 'received',
    test: (row) => (row.searchPairs ?? []).some((value) => value.startsWith(token)),
  };
}

/**
 * Index values starting with any of `keys`: the clear words, or their tokens once the vault seals
 * the rows (vault/state.ts), or both while it is sealing. Each key is its own index range read
 * in one request (Dexie's multi-range collections walk a cursor instead, far slower on wide ranges).
 */
function startsWithAny(db: MotcuaDb, index: 'searchWords' | 'searchPairs', keys: string[]): Source {
  const [first, ...more] = keys;
  const range = (key: string) => db.dossiers.where(index).startsWith(key);
  return {
    make: () => range(first!),
    keys:
      more.length === 0
        ? undefined
        : async (limit) => {
            const sets = await Promise.all(
              keys.map(async (key) => (await (limit === undefined ? range(key) : range(key).limit(limit)).primaryKeys()) as string[]),
            );
            return [...new Set(sets.flat())];
          },
    order: 'none',
    test: (row) => (row[index] ?? []).some((value) => keys.some((key) => value.startsWith(key))),
  };
}

/** The matching dossiers: how many, and the ids at any positions, in list order. */
export interface DossierList {
  /**
   * How many match. Asked separately from the ids: counting one index range costs IndexedDB a
   * walk over it (about a second at 100,000 dossiers), and the first page must not wait for it.
   */
  count(): Promise<number>;
  /** Ids at positions [from, to) of the list. */
  slice(from: number, to: number): Promise<string[]>;
}

const listOf = (ids: string[]): DossierList => ({ count: async () => ids.length, slice: async (from, to) => ids.slice(from, to) });

const byDue = (a: DossierRow, b: DossierRow) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1);
/** Newest first; equal times by id descending, as a reversed index walk orders them. */
const byReceivedDesc = (a: DossierRow, b: DossierRow) => (a.receivedAt > b.receivedAt ? -1 : a.receivedAt < b.receivedAt ? 1 : a.id > b.id ? -1 : 1);

/** Keys of the receivedAt index read at a time when walking it for a wide word search. */
const WALK_CHUNK = 2048;

/**
 * Matches of words alone (say "nguyen thi" at a large desk), in list order without reading every
 * row: the receivedAt index is walked newest first, a chunk of keys at a time, only as far as the
 * positions asked for. The first page of thousands of matches among 100,000 dossiers then costs a
 * few thousand keys, not the whole index (about a second) nor thousands of rows (a sealed row
 * carries its many search tokens). Once the matches not yet met are few enough that their rows
 * cost less than the next chunk's keys, those rows are read and sorted instead (the same order: a
 * reversed index walk orders equal times by id descending, as byReceivedDesc does), so a narrow
 * set never walks far; a set that narrow from the start is read and sorted at once. The count is
 * the match set's size.
 */
function newestFirstAmong(db: MotcuaDb, matching: Set<string>, chunk: number, rowCostInKeys: number): DossierList {
  const found: string[] = [];
  let walked = 0;
  let end = false;
  let filling: Promise<void> = Promise.resolve();
  const fill = (to: number) =>
    (filling = filling.then(async () => {
      while (found.length < to && !end) {
        const left = matching.size - found.length;
        if (left * rowCostInKeys <= chunk) {
          const seen = new Set(found);
          const rest = (await db.dossiers.bulkGet([...matching].filter((id) => !seen.has(id)))).filter((r): r is DossierRow => r !== undefined);
          found.push(...rest.sort(byReceivedDesc).map((r) => r.id));
          end = true;
          break;
        }
        const keys = (await db.dossiers.orderBy('receivedAt').reverse().offset(walked).limit(chunk).primaryKeys()) as string[];
        walked += keys.length;
        end = keys.length < chunk;
        for (const id of keys) if (matching.has(id)) found.push(id);
      }
    }));
  return {
    count: async () => matching.size,
    slice: async (from, to) => {
      await fill(Math.min(to, matching.size));
      return found.slice(from, to);
    },
  };
}

/** Rows read at most at a time when walking a wide constraint's index newest first (newestFirstTested). */
const ROW_CHUNK = 256;
/** Rows read at least at a time there: fewer would pay a request's own cost for little. */
const MIN_ROW_CHUNK = 32;

/**
 * How many rows the walk reads next to find `wanted` more matches: as many as the share of
 * matches met so far says it takes, with half again to spare (the first read, knowing nothing,
 * takes twice the rows wanted). A row costs IndexedDB as much as eight keys: a first page of 30
 * among rows that match one time in three then reads about a hundred rows, not a full chunk.
 */
export function nextRowChunk(wanted: number, walked: number, matched: number, max: number): number {
  const share = walked === 0 ? 0.5 : Math.max(matched / walked, 0.05);
  return Math.min(max, Math.max(Math.min(MIN_ROW_CHUNK, max), Math.ceil((walked === 0 ? 1 : 1.5) * (wanted / share))));
}
/**
 * Rows newestFirstTested reads before it gives up and intersects key sets instead: about as many
 * key reads as a few thousand keys, so a rare combination costs a little more than before, while a
 * common one shows its first page after a few hundred rows rather than tens of thousands of keys.
 */
const ROW_BUDGET = 1024;

/**
 * A walk over one wide constraint's rows newest first (the driver's index range in reverse), a
 * chunk at a time (nextRowChunk), keeping the rows that pass the others' tests. Its position is
 * kept, so a plan that first walked within a glance's budget goes on from there (queryDossiers).
 * Equal times come in id descending order, as the intersection of key sets orders them.
 */
interface RowWalk {
  readonly driver: Source;
  readonly found: string[];
  /** True once the driver's range is read to its end: `found` is then every match. */
  readonly end: boolean;
  /** Reads on until `to` matches are found, the range ends, or `budget` rows in all were read. */
  fill(to: number, budget: number): Promise<void>;
}

function rowWalk(driver: Source, others: Source[], chunk: number): RowWalk {
  const found: string[] = [];
  let walked = 0;
  let end = false;
  let filling: Promise<void> = Promise.resolve();
  return {
    driver,
    found,
    get end() {
      return end;
    },
    fill: (to, budget) =>
      (filling = filling.then(async () => {
        while (found.length < to && !end && walked < budget) {
          const size = nextRowChunk(to - found.length, walked, found.length, chunk);
          const rows = await driver.make().reverse().offset(walked).limit(size).toArray();
          walked += rows.length;
          end = rows.length < size;
          for (const row of rows) if (others.every((s) => s.test(row))) found.push(row.id);
        }
      })),
  };
}

/**
 * Several wide constraints ordered by receipt (say "Hộ tịch" and "Đang xử lý" at a large desk):
 * the first pages come from a walk over the rows of one of them (rowWalk), only as far as the
 * positions asked for. Reading both constraints' whole key sets to intersect them (tens of
 * thousands of keys, most of a second at 100,000 dossiers) is left to the count, asked after the
 * first page, and to a combination so rare that `budget` rows did not fill the page; from then
 * on `whole` answers (the same list planned on keys: the intersection, the narrowest
 * constraint's rows, or this walk going on with a larger budget).
 */
function newestFirstTested(walk: RowWalk, whole: () => Promise<DossierList>, budget: number): DossierList {
  let everything: Promise<DossierList> | undefined;
  const all = () => (everything ??= whole());
  return {
    count: async () => {
      await walk.fill(0, budget);
      return walk.end ? walk.found.length : (await all()).count();
    },
    slice: async (from, to) => {
      await walk.fill(to, budget);
      return walk.found.length >= to || walk.end ? walk.found.slice(from, to) : (await all()).slice(from, to);
    },
  };
}

/** Thresholds of the planner; tests force one plan or the other with them. */
export interface QueryTuning {
  smallMatch?: number;
  rowCostInKeys?: number;
  walkChunk?: number;
  rowChunk?: number;
  rowBudget?: number;
  firstLook?: number;
}

/**
 * Keys of each constraint read first, before the bounded look of SMALL_MATCH. IndexedDB reads about
 * one key in 15 µs here (Chromium, tests/bench): looking at two wide constraints up to 2,001 keys
 * each took 60 to 75 ms, most of the first page of "Hộ tịch" + "Đang xử lý". A constraint this
 * narrow is known whole at once; when none is, the first page is walked without that look.
 */
const FIRST_LOOK = 256;

/**
 * The dossiers matching `filter`, in list order: by due time for "sắp hết hạn" and "quá hạn"
 * (most urgent first), otherwise newest received first.
 * - One constraint (or none): read page by page straight from its index; one word range (which
 *   has no order of its own): its keys read once, then ordered by newestFirstAmong.
 * - Several: first a glance at each constraint's keys (`firstLook`). If every one is wider and one
 *   orders by receipt (none by due time), its newest rows are read and tested against the others
 *   (newestFirstTested, with a budget of a glance's worth of rows); only if that does not fill the
 *   page are the constraints planned as below. Otherwise, the plan on the keys read: a glance is
 *   enough when a constraint is that narrow, else each is read up to `smallMatch`.
 * - Planned: words alone, all that narrow: their key sets intersected, and only the matches
 *   ordered (newestFirstAmong). All that narrow, one of them ordered (a status, a sealed name
 *   pair): the key sets, read already, intersected in its index's order, no row read. Otherwise, if
 *   one is that narrow, its rows are read and checked against the others. If all are wide and one
 *   orders by receipt, its newest rows are read and tested against the others (newestFirstTested),
 *   the key sets intersected only for the count or a page that walk did not fill; ordered by due
 *   time, the whole key sets are intersected in the due index's order; words alone, by
 *   newestFirstAmong.
 */
export async function queryDossiers(db: MotcuaDb, filter: DossierFilter, now = new Date(), tuning: QueryTuning = {}): Promise<DossierList> {
  const {
    smallMatch = SMALL_MATCH,
    rowCostInKeys = ROW_COST_IN_KEYS,
    walkChunk = WALK_CHUNK,
    rowChunk = ROW_CHUNK,
    rowBudget = ROW_BUDGET,
    firstLook = FIRST_LOOK,
  } = tuning;
  const sources = plan(db, filter, now);
  if (sources === null) return listOf([]);
  const single: Source | undefined =
    sources.length === 0
      ? { make: () => db.dossiers.orderBy('receivedAt'), order: 'received', test: () => true }
      : sources.length === 1 && sources[0]!.order !== 'none'
        ? sources[0]
        : undefined;
  if (single) {
    return {
      count: () => single.make().count(),
      slice: async (from, to) => {
        const c = single.make();
        return (await (single.order === 'received' ? c.reverse() : c)
          .offset(from)
          .limit(Math.max(0, to - from))
          .primaryKeys()) as string[];
      },
    };
  }
  // Words alone (a name, a code) are ordered by newestFirstAmong: the rows of a few matches read, or the index walked for many.
  const byWords = (ids: string[]) => newestFirstAmong(db, new Set(ids), walkChunk, rowCostInKeys);
  const byDueTime = sources.some((s) => s.order === 'due');
  const ordered = sources.filter((s) => s.order !== 'none');
  /** Keys in index order, at most `limit` + 1 of each: a bounded look at how wide each is. */
  const look = (limit: number) =>
    Promise.all(
      sources.map(async (s) =>
        s.keys
          ? s.keys(limit + 1)
          : ((await s
              .make()
              .limit(limit + 1)
              .primaryKeys()) as string[]),
      ),
    );
  const intersect = (sets: Set<string>[]) => {
    const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
    return [...first!].filter((id) => rest.every((set) => set.has(id)));
  };

  /**
   * The plan once each constraint's keys are read up to `bound` (`probes`; a constraint under it
   * is read whole). `walked`: the rows already walked within a glance, gone on with if its driver is chosen.
   */
  const planned = async (probes: string[][], bound: number, walked?: RowWalk): Promise<DossierList> => {
    const sizes = probes.map((p) => p.length);
    const narrowest = sizes.indexOf(Math.min(...sizes));
    const complete = sizes.every((n) => n <= bound);
    if (ordered.length === 0 && complete) {
      // Words only, every key set already read: only the matches' rows are read (or the index walked), not the narrowest word's.
      return byWords(intersect(probes.map((p) => new Set(p))));
    }
    // (Every key set read already, one of them in list order: they are intersected below, no row read.)
    if (sizes[narrowest]! <= bound && !complete) {
      const rows = (await db.dossiers.bulkGet([...new Set(probes[narrowest])])).filter(
        (r): r is DossierRow => r !== undefined && sources.every((s) => s.test(r)),
      );
      return listOf(rows.sort(byDueTime ? byDue : byReceivedDesc).map((r) => r.id));
    }
    const keysFor = (s: Source) => {
      const i = sources.indexOf(s);
      return i >= 0 && sizes[i]! <= bound ? Promise.resolve(probes[i]!) : keysOf(s);
    };
    if (ordered.length === 0) {
      // Words only: intersect their key sets, then order the matches.
      return byWords(intersect(await Promise.all(sources.map(async (s) => new Set(await keysFor(s))))));
    }
    // Walk the ordering index's keys, keeping those in every other constraint's set.
    const driver: Source =
      sources.find((s) => s.order === 'due') ?? ordered.reduce((a, b) => (sizes[sources.indexOf(a)]! <= sizes[sources.indexOf(b)]! ? a : b));
    const others = sources.filter((s) => s !== driver);
    const intersection = async () => {
      const filters = await Promise.all(others.map(async (s) => new Set(await keysFor(s))));
      let ids = await keysFor(driver);
      if (driver.order === 'received') ids = [...ids].reverse();
      return listOf(filters.length === 0 ? ids : ids.filter((id) => filters.every((set) => set.has(id))));
    };
    // Every constraint wide: the first page comes from the driver's newest rows, the rest from keys when asked.
    if (driver.order === 'received' && !complete) {
      return newestFirstTested(walked?.driver === driver ? walked : rowWalk(driver, others, rowChunk), intersection, rowBudget);
    }
    return intersection();
  };

  return db.transaction('r', db.dossiers, async () => {
    if (sources.length === 1) {
      // One word range (no order of its own): its keys are read once, with no bounded look first.
      return byWords(await keysOf(sources[0]!));
    }
    const glance = Math.min(firstLook, smallMatch);
    if (glance < smallMatch) {
      const glanced = await look(glance);
      if (glanced.some((keys) => keys.length <= glance)) return planned(glanced, glance);
      const driver = ordered.find((s) => s.order === 'received');
      if (driver && !byDueTime) {
        // Every constraint wider than a glance: the first page from an ordered one's newest rows,
        // within a glance's worth of rows; the whole plan (a longer look first) only if they fall short.
        const walk = rowWalk(
          driver,
          sources.filter((s) => s !== driver),
          rowChunk,
        );
        return newestFirstTested(walk, async () => planned(await look(smallMatch), smallMatch, walk), Math.min(rowBudget, glance));
      }
    }
    return planned(await look(smallMatch), smallMatch);
  });
}

/** All the ids of `queryDossiers`, in order (tests, exports). */
export async function queryDossierIds(db: MotcuaDb, filter: DossierFilter, now = new Date(), tuning: QueryTuning = {}): Promise<string[]> {
  const list = await queryDossiers(db, filter, now, tuning);
  return list.slice(0, await list.count());
}

export const DOSSIER_VIEWS: readonly DossierView[] = ['all', 'dueSoon', 'overdue', 'waiting', 'ready'];

/**
 * How many dossiers each ready-made view holds now, for the view buttons: each counted on its own
 * list (one index range), so a button's number is, by construction, the count of the list it opens.
 */
export async function countDossierViews(db: MotcuaDb, now = new Date()): Promise<Record<DossierView, number>> {
  const counts = await Promise.all(DOSSIER_VIEWS.map(async (view) => (await queryDossiers(db, { ...emptyDossierFilter, view }, now)).count()));
  return Object.fromEntries(DOSSIER_VIEWS.map((view, i) => [view, counts[i]!])) as Record<DossierView, number>;
}

/**
 * The ready-made view a filter is when it asks nothing more (no text, status, procedure, field or
 * dates), else null: such a list's count is its view's count, so the page need not walk it twice.
 */
export function plainView(filter: DossierFilter): DossierView | null {
  const more =
    searchTokens(filter.text).length > 0 || filter.status !== null || filter.procedureCode || filter.field || filter.receivedFrom || filter.receivedTo;
  return more ? null : filter.view;
}

/**
 * The distinct values of an index in order, each found by one seek just past the one before: a
 * request per value (a few dozen fields and procedures), never a walk over every dossier's entry
 * as uniqueKeys() is in IndexedDB (about a second per index at 100,000 dossiers).
 */
async function distinctKeys(db: MotcuaDb, index: 'field' | 'procedureCode'): Promise<string[]> {
  const keys: string[] = [];
  let next = await db.dossiers.orderBy(index).limit(1).keys();
  while (next.length > 0) {
    const key = next[0] as string;
    keys.push(key);
    next = await db.dossiers.where(index).above(key).limit(1).keys();
  }
  return keys;
}

/** The fields and procedures present on the device, for the list's filters (index seeks and one row per procedure). */
export async function dossierFacets(db: MotcuaDb): Promise<{ fields: string[]; procedures: { code: string; name: string }[] }> {
  return db.transaction('r', db.dossiers, async () => {
    const [fields, codes] = await Promise.all([distinctKeys(db, 'field'), distinctKeys(db, 'procedureCode')]);
    const procedures = await Promise.all(
      codes.map(async (code) => ({ code, name: (await db.dossiers.where('procedureCode').equals(code).first())?.procedureName ?? code })),
    );
    return { fields, procedures: procedures.sort((a, b) => a.name.localeCompare(b.name, 'vi')) };
  });
}
