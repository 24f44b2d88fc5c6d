// Runs inside the app's page for the dossier benchmark (bundled by dossiers.bench.ts): generates
// dossiers through the app's own database code (same schema, same index middleware), and times
// the app's list queries and report against a straightforward full-table scan.
import { MotcuaDb } from '../../src/db/db';
import { emptyDossierFilter, queryDossiers, type DossierFilter } from '../../src/db/dossier-query';
import { getDossiers } from '../../src/db/intake';
import { toReportRecord } from '../../src/db/dossier-facts';
import { dropReportPacks, loadReportRecords, loadReportRecordsFromFacts } from '../../src/db/report-records';
import { packsOfPeriod, type PackKey } from '../../src/db/report-packs';
import type { AttachmentRow, DossierRow, ProcessingLogRow } from '../../src/db/schema';
import { forgetMasterKey, newMasterKey, sealExistingData, setUpVault, vaultState } from '../../src/db/vault';
// Loaded as the app loads it with any file code: the vault then also seals (and marks sealed) the files at set-up.
import '../../src/db/vault/blobs';
import { lockWithPin, openWithPin, unlockWithPin } from '../../src/db/officers';
import { atVietnamTime, vietnamDateOf } from '../../src/domain/calendar';
import { demoCatalogue } from '../../src/domain/catalogue';
import { classifyOpen, DUE_SOON_MS, type DossierLogEntry, type DossierState } from '../../src/domain/dossier';
import { computeReport, computeReportByField, periodBounds, yearPeriod, type DeskReport, type ReportRecord } from '../../src/domain/reports';
import { seededRandom } from '../support/seeded-random';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PAGE = 30;

const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Lò', 'Hà', 'Lường', 'Vi', 'Sầm'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Quang', 'Thị Thu', 'Văn Anh'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Đào',
  'Giang',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
  'Tuấn',
  'Yến',
  'Khánh',
  'Long',
  'Nga',
];
const VILLAGES = ['Nà Pồ', 'Bản Mẫu', 'Khuổi Hẩu', 'Nà Làng', 'Pác Ngòi', 'Cốc Phát'];

const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const at17 = (instant: number) => atVietnamTime(vietnamDateOf(new Date(instant)), '17:00').getTime();

interface Generated {
  dossiers: number;
  attachments: number;
  logs: number;
  ms: number;
}

/** `count` dossiers received over the `days` days before `now`, in Dexie transactions of 1,000. */
export async function generate(count: number, days: number, seed = 7): Promise<Generated> {
  const started = performance.now();
  const db = new MotcuaDb();
  await db.open();
  const r = seededRandom(seed);
  const procedures = demoCatalogue().procedures;
  const now = Date.now();
  const commune = { id: 'demo-ban-mau', name: 'Xã Bản Mẫu', provinceCode: '15', agencyCode: '000.00.12.H38', officeHours: null };
  const officer = { officerName: 'Lò Thị Mai', officerPhone: '0912 000 111' };
  // Receipts in time order, so the daily sequence of the dossier code counts up as at a real desk.
  const times = Array.from({ length: count }, () => now - r() * days * DAY).sort((a, b) => a - b);
  const sequence = new Map<string, number>();
  let attachments = 0;
  let logs = 0;
  for (let start = 0; start < count; start += 1000) {
    const dossiers: DossierRow[] = [];
    const files: AttachmentRow[] = [];
    const log: ProcessingLogRow[] = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const received = times[i]!;
      const p = pick(r, procedures);
      const days = p.processingDays ?? 5;
      const due = at17(received + Math.max(0, days) * 1.4 * DAY);
      const age = (now - received) / DAY;
      const x = r();
      const status =
        age > 45
          ? x < 0.85
            ? 10
            : x < 0.88
              ? 9
              : x < 0.91
                ? 3
                : x < 0.93
                  ? 7
                  : x < 0.95
                    ? 8
                    : 4
          : x < 0.08
            ? 2
            : x < 0.43
              ? 4
              : x < 0.5
                ? 5
                : x < 0.65
                  ? 9
                  : x < 0.98
                    ? 10
                    : 3;
      const day = vietnamDateOf(new Date(received)).replace(/-/g, '').slice(2);
      const seq = (sequence.get(day) ?? 0) + 1;
      sequence.set(day, seq);
      const name = `${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`;
      const idNumber = `0${pad(Math.floor(r() * 96) + 1, 2)}${pick(r, ['0', '1', '2', '3'])}${pad(Math.floor(r() * 100), 2)}${pad(Math.floor(r() * 1e6), 6)}`;
      const id = `bench-${pad(i, 6)}-${Math.floor(r() * 1e9).toString(36)}`;
      const who = { who: officer.officerName, whoId: 'bench-device', role: 'receptionOfficer' as const };
      const entries: DossierLogEntry[] = [];
      const add = (time: number, action: DossierLogEntry['action'], from: number | null, to: number, note?: string) =>
        entries.push({ ...who, at: new Date(time), action, from: from as DossierLogEntry['from'], to: to as DossierLogEntry['to'], ...(note ? { note } : {}) });
      let t = received;
      const state: DossierState = {
        status: status as DossierState['status'],
        appointmentAt: status === 3 ? null : new Date(due),
        supplementRequests: 0,
        pausedAt: null,
        receivedAt: status === 3 ? null : new Date(received),
        resultReadyAt: null,
        returnedAt: null,
        log: [],
      };
      if (status === 3) add(received, 'refuse', null, 3, 'Hồ sơ không thuộc thẩm quyền');
      else {
        add(t, 'receive', null, 2);
        if (status !== 2) add((t += HOUR), 'startProcessing', 2, 4);
        const supplement = status === 5 || (status !== 2 && r() < 0.1);
        if (supplement) {
          add((t += 2 * HOUR), 'requestSupplement', 4, 5, 'Giấy chứng sinh: bản chụp không rõ');
          state.supplementRequests = 1;
          if (status === 5) state.pausedAt = new Date(t);
          else add((t += 2 * DAY), 'receiveSupplement', 5, 4);
        }
        if (status === 7) add(t + DAY, 'withdraw', 4, 7);
        if (status === 8) add(t + 3 * DAY, 'stop', 4, 8, 'Công dân không bổ sung hồ sơ');
        if (status === 9 || status === 10) {
          const ready = Math.min(now - HOUR, received + (due - received) * (0.3 + r()));
          state.resultReadyAt = new Date(ready);
          add(ready, 'markResultReady', 4, 9);
          if (status === 10) {
            const back = Math.min(now, ready + r() * 3 * DAY);
            state.returnedAt = new Date(back);
            add(back, 'returnResult', 9, 10);
          }
        }
      }
      state.log = entries;
      const last = entries[entries.length - 1]!.at.getTime();
      const received_ = p.components.map((c, index) => ({
        index,
        received: c.required || r() < 0.3,
        receivedAs: 'original' as const,
        count: 1,
        conditionApplies: false,
      }));
      const rated = status === 10 && r() < 0.7;
      const y = r();
      const ratedAt = Math.min(now, last + 60_000);
      dossiers.push({
        id,
        code: `000.00.12.H38-${day}-${pad(seq, 4)}`,
        status,
        procedureCode: p.code,
        procedureName: p.name,
        field: p.field,
        catalogueVersion: 1,
        applicantName: name,
        applicantIdNumber: idNumber,
        receivedAt: new Date(received).toISOString(),
        dueAt: new Date(status === 3 ? received : due).toISOString(),
        syncState: age > 2 ? 'accepted' : 'waiting',
        data: {
          intake: {
            procedureCode: p.code,
            catalogueVersion: 1,
            applicant: {
              fullName: name,
              idNumber,
              birthDate: '1990-01-01',
              sex: 'Nam',
              address: `Thôn ${pick(r, VILLAGES)}, xã Bản Mẫu`,
              phone: '0912345678',
              email: '',
            },
            ownerIsApplicant: true,
            owner: { fullName: '', idNumber: '', birthDate: '', sex: '', address: '', phone: '', email: '' },
            components: received_,
            sets: 1,
            processingDays: p.processingDays ?? null,
            fees: { pages: 1, copies: 1, manualAmount: 0, exemption: '', method: 'cash' },
            note: '',
          },
          procedure: { code: p.code, name: p.name, field: p.field, processingText: p.processingText, components: p.components },
          fees: { lines: [], total: 0, notApplicableExemptions: [] },
          state,
          commune,
          officer,
          ...(rated
            ? {
                rating: {
                  value: y < 0.6 ? 'veryGood' : y < 0.95 ? 'good' : 'bad',
                  at: new Date(ratedAt).toISOString(),
                  ...(y >= 0.95 ? { reason: 'Chờ lâu' } : {}),
                },
              }
            : {}),
        },
        updatedAt: new Date(rated ? ratedAt : last).toISOString(),
      });
      for (const e of entries)
        log.push({
          dossierId: id,
          at: e.at.toISOString(),
          who: e.who,
          role: e.role,
          action: e.action,
          fromStatus: e.from,
          toStatus: e.to,
          ...(e.note ? { note: e.note } : {}),
        });
      // 95 % digitized at reception: one file per received component (the files are shared; only rows count here).
      if (status !== 3 && r() < 0.95) {
        received_.forEach((c, k) => {
          if (c.received)
            files.push({
              id: `${id}-a${k}`,
              ownerId: id,
              componentIndex: c.index,
              order: 0,
              sha256: pad(k, 64),
              name: `tp-${k}.pdf`,
              type: 'application/pdf',
              size: 60_000,
            });
        });
      }
    }
    await db.transaction('rw', db.dossiers, db.attachments, db.processingLog, async () => {
      await db.dossiers.bulkAdd(dossiers);
      await db.attachments.bulkAdd(files);
      await db.processingLog.bulkAdd(log);
    });
    attachments += files.length;
    logs += log.length;
  }
  db.close();
  return { dossiers: count, attachments, logs, ms: performance.now() - started };
}

type ViewName = 'all' | 'dueSoon' | 'overdue' | 'waiting' | 'ready' | 'search' | 'searchCommon' | 'searchId' | 'fieldStatus';

/** The lists timed; `idNumber` is one dossier's, read from the generated desk. */
const filters = (idNumber: string): Record<ViewName, Partial<DossierFilter>> => ({
  all: {},
  dueSoon: { view: 'dueSoon' },
  overdue: { view: 'overdue' },
  waiting: { view: 'waiting' },
  ready: { view: 'ready' },
  search: { text: 'lo thi mai' },
  // The two commonest words: the widest name search an officer types.
  searchCommon: { text: 'nguyen thi' },
  searchId: { text: idNumber },
  fieldStatus: { field: 'Hộ tịch', status: 4 },
});

const WORDS: Partial<Record<ViewName, string[]>> = { search: ['lo', 'thi', 'mai'], searchCommon: ['nguyen', 'thi'] };

/** The same lists the naive way: every row read, filtered and sorted in JavaScript. */
function naive(name: ViewName, rows: DossierRow[], now: Date, idNumber: string): DossierRow[] {
  const startOfToday = atVietnamTime(vietnamDateOf(now)).getTime();
  const running = (d: DossierRow) => d.status === 2 || d.status === 4;
  const newest = (a: DossierRow, b: DossierRow) => (a.receivedAt < b.receivedAt ? 1 : -1);
  const soonest = (a: DossierRow, b: DossierRow) => (a.dueAt < b.dueAt ? -1 : 1);
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase();
  switch (name) {
    case 'all':
      return rows.sort(newest);
    case 'dueSoon':
      return rows
        .filter((d) => running(d) && new Date(d.dueAt).getTime() >= startOfToday && new Date(d.dueAt).getTime() <= now.getTime() + DUE_SOON_MS)
        .sort(soonest);
    case 'overdue':
      return rows.filter((d) => running(d) && classifyOpen(new Date(d.dueAt), now) === 'overdue').sort(soonest);
    case 'waiting':
      return rows.filter((d) => d.status === 5).sort(newest);
    case 'ready':
      return rows.filter((d) => d.status === 9).sort(newest);
    case 'search':
    case 'searchCommon':
      return rows
        .filter((d) =>
          WORDS[name]!.every((w) =>
            fold(d.applicantName)
              .split(' ')
              .some((x) => x.startsWith(w)),
          ),
        )
        .sort(newest);
    case 'searchId':
      return rows.filter((d) => d.applicantIdNumber === idNumber).sort(newest);
    case 'fieldStatus':
      return rows.filter((d) => d.field === 'Hộ tịch' && d.status === 4).sort(newest);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface ListTiming {
  view: ViewName;
  matches: number;
  /** Ids of the first page and its rows. */
  indexed: number;
  /** Then the count of all matches (shown a moment later). */
  count: number;
  fullScan: number;
  sameFirstPage: boolean;
}

/** Time to the first page of each list (ids + the first rows): indexed, median of `runs`; full scan, once (unless `scan` is false). */
export async function timeLists(runs = 3, withScan = true): Promise<ListTiming[]> {
  const db = new MotcuaDb();
  await db.open();
  const now = new Date();
  const out: ListTiming[] = [];
  const middle = await db.dossiers
    .orderBy('receivedAt')
    .offset(Math.floor((await db.dossiers.count()) / 2))
    .first();
  const idNumber = middle?.applicantIdNumber ?? '';
  const FILTERS = filters(idNumber);
  for (const view of Object.keys(FILTERS) as ViewName[]) {
    const indexed: number[] = [];
    const counting: number[] = [];
    const scan: number[] = [];
    let matches = 0;
    let same = true;
    for (let k = 0; k < runs; k++) {
      let t = performance.now();
      const list = await queryDossiers(db, { ...emptyDossierFilter, ...FILTERS[view] }, now);
      // As the list on screen reads its rows (VirtualDossierList): by position, gone rows left out.
      const page = (await getDossiers(db, await list.slice(0, PAGE))).filter((r): r is DossierRow => r !== undefined);
      // What each row shows (its name): on a sealed desk this opens the page's rows, and only those.
      if (page.some((r) => typeof r.applicantName !== 'string')) throw new Error('a row of the page did not open');
      indexed.push(performance.now() - t);
      t = performance.now();
      matches = await list.count();
      counting.push(performance.now() - t);
      // The full scan reads every row each time: once is enough to know what it costs.
      if (k > 0 || !withScan) continue;
      t = performance.now();
      const all = await db.dossiers.toArray();
      const naivePage = naive(view, all, now, idNumber).slice(0, PAGE);
      scan.push(performance.now() - t);
      // Same dossiers on the first page (ties in time may order differently).
      const a = new Set(page.map((d) => d.id));
      same &&= naivePage.length === page.length && naivePage.filter((d) => a.has(d.id)).length >= page.length - 2;
    }
    out.push({ view, matches, indexed: median(indexed), count: median(counting), fullScan: median(scan), sameFirstPage: same });
  }
  db.close();
  return out;
}

/** The officer whose PIN unlocks the sealed desk (timeUnlock, and the lock screen in dossiers.bench.ts). */
export const BENCH_OFFICER = { staffId: 'bench-officer', fullName: 'Cán bộ Đo Thử', pin: '135790' };

/**
 * The desk's vault set up (issue 13) over the dossiers already generated: every row of the sealed
 * tables sealed in place, as on a device's first officer set-up, and that officer's PIN set (PBKDF2,
 * 600,000 rounds, as the app sets it). The lists are then timed again.
 */
export async function sealDesk(): Promise<{ ms: number; rows: number; state: string }> {
  const db = new MotcuaDb();
  await db.open();
  const started = performance.now();
  const master = newMasterKey();
  await setUpVault(db, master);
  const { total } = await sealExistingData(db);
  const ms = performance.now() - started;
  const state = vaultState(db);
  const { staffId, fullName, pin } = BENCH_OFFICER;
  const lock = await lockWithPin(master, staffId, pin);
  await db.officers.put({
    staffId,
    username: 'bench.officer',
    fullName,
    role: 'receptionOfficer',
    pin: lock,
    failedPins: 0,
    pinDisabled: false,
    staffToken: null,
    updatedAt: new Date().toISOString(),
  });
  db.close();
  return { ms, rows: total, state };
}

export interface UnlockTiming {
  /** PBKDF2 (600,000 rounds) and the key's unwrapping alone, median of the runs. */
  pin: number;
  /** unlockWithPin: the above, the vault opened (its cipher code loaded, keys derived), the officer current. */
  unlock: number;
  /** Then the first page of "Tất cả" read and its rows opened, as the list shows them. */
  firstPage: number;
  /** From the PIN submitted to the first page's rows opened: unlock + firstPage. */
  total: number;
}

/** From the PIN to the list's first page, engine only (a fresh bundle: no key held), median of `runs`; the key is forgotten after each. */
export async function timeUnlock(runs = 3): Promise<UnlockTiming> {
  const db = new MotcuaDb();
  await db.open();
  const { staffId, pin } = BENCH_OFFICER;
  const lock = (await db.officers.get(staffId))!.pin!;
  const pins: number[] = [];
  const unlocks: number[] = [];
  const pages: number[] = [];
  const totals: number[] = [];
  for (let k = 0; k < runs; k++) {
    let t = performance.now();
    const key = await openWithPin(lock, staffId, pin);
    pins.push(performance.now() - t);
    key?.fill(0);
    const started = performance.now();
    const answer = await unlockWithPin(db, staffId, pin);
    if (!answer.ok) throw new Error(`the bench officer's PIN did not unlock: ${answer.reason}`);
    unlocks.push(performance.now() - started);
    t = performance.now();
    const list = await queryDossiers(db, emptyDossierFilter, new Date());
    const rows = (await getDossiers(db, await list.slice(0, PAGE))).filter((r): r is DossierRow => r !== undefined);
    // What the row shows opens the sealed fields.
    if (rows.some((r) => typeof r.applicantName !== 'string')) throw new Error('a row did not open');
    pages.push(performance.now() - t);
    totals.push(performance.now() - started);
    forgetMasterKey();
  }
  db.close();
  return { pin: median(pins), unlock: median(unlocks), firstPage: median(pages), total: median(totals) };
}

export interface ReportTiming {
  year: number;
  records: number;
  /** Packs found (every report after the first): load and compute, median of the runs. */
  warm: number;
  /** Of which loading the records. */
  warmLoad: number;
  /** Packs dropped first, so the report builds them (the first report after a bulk load), median of the runs. */
  cold: number;
  /** The same records read from the facts rows' index ranges, one row per dossier (before packs), median of the runs. */
  facts: number;
  /** computeReportByField, as the report screen computes it beside the report. */
  byField: number;
  fullScan: number;
  received: number;
  sameFigures: boolean;
  sameRecords: boolean;
  probe: { read: number; packs: number; packRows: number; packKB: number; biggestKB: number };
}

/** A year's report: the app's load through the report packs, warm and cold, and the facts rows' index ranges, against reading every dossier and attachment (once). */
export async function timeYearReport(year: number, runs = 3): Promise<ReportTiming> {
  const db = new MotcuaDb();
  await db.open();
  const period = yearPeriod(year);
  const bounds = periodBounds(period);
  const now = new Date();
  const warm: number[] = [];
  const warmLoad: number[] = [];
  const cold: number[] = [];
  const facts: number[] = [];
  const byField: number[] = [];
  let records = 0;
  let received = 0;
  const reports = new Set<string>();
  let firstRecords: string | undefined;
  let sameRecords = true;
  // Outside the timed spans: what each run found, to hold every run to the same records and figures.
  const check = (loaded: ReportRecord[], report: DeskReport) => {
    reports.add(JSON.stringify(report));
    const json = JSON.stringify(loaded);
    firstRecords ??= json;
    sameRecords &&= json === firstRecords;
    records = loaded.length;
    received = report.received.total;
  };
  for (let k = 0; k < runs; k++) {
    await dropReportPacks(db);
    let t = performance.now();
    let loaded = await loadReportRecords(db, bounds);
    let report = computeReport(loaded, { period, now });
    cold.push(performance.now() - t);
    check(loaded, report);

    t = performance.now();
    loaded = await loadReportRecords(db, bounds);
    warmLoad.push(performance.now() - t);
    report = computeReport(loaded, { period, now });
    warm.push(performance.now() - t);
    t = performance.now();
    computeReportByField(loaded, { period, now });
    byField.push(performance.now() - t);
    check(loaded, report);

    t = performance.now();
    loaded = await loadReportRecordsFromFacts(db, bounds);
    report = computeReport(loaded, { period, now });
    facts.push(performance.now() - t);
    check(loaded, report);
  }
  // Where a warm load goes: reading the packs alone (IndexedDB and structured clone), their size.
  const plan = packsOfPeriod(bounds.start, bounds.end)!;
  const keys: PackKey[] = [...plan.received.map((m): PackKey => `received:${m}`), `active:${plan.firstMonth}`, 'open'];
  const reads: number[] = [];
  let packRows = 0;
  let packBytes = 0;
  let biggest = 0;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const packs = await db.transaction('r', db.reportPacks, () => db.reportPacks.bulkGet(keys));
    reads.push(performance.now() - t0);
    packRows = 0;
    packBytes = 0;
    for (const p of packs) {
      if (!p) continue;
      packRows += p.id.length;
      // Roughly what structured clone writes: typed arrays as they are, text at a byte or two a character.
      const bytes = Object.values(p).reduce<number>(
        (sum, v) =>
          sum + (ArrayBuffer.isView(v) ? v.byteLength : Array.isArray(v) ? v.reduce<number>((n, x) => n + (typeof x === 'string' ? x.length + 2 : 9), 0) : 0),
        0,
      );
      packBytes += bytes;
      biggest = Math.max(biggest, bytes);
    }
  }
  const probe = { read: median(reads), packs: keys.length, packRows, packKB: packBytes / 1024, biggestKB: biggest / 1024 };
  // The full scan reads every row: once is enough to know what it costs.
  const t = performance.now();
  const [rows, attachments] = await Promise.all([db.dossiers.toArray(), db.attachments.toArray()]);
  const byOwner = new Map<string, Set<number>>();
  for (const a of attachments) {
    let s = byOwner.get(a.ownerId);
    if (!s) byOwner.set(a.ownerId, (s = new Set()));
    s.add(a.componentIndex);
  }
  const naiveReport = computeReport(
    rows.map((row) => toReportRecord(row, byOwner.get(row.id) ?? new Set())),
    { period, now },
  );
  const fullScan = performance.now() - t;
  db.close();
  // Every run, packs built, found or not used, gave the report of the full scan, from the same records.
  const sameFigures = reports.size === 1 && reports.has(JSON.stringify(naiveReport));
  return {
    year,
    records,
    warm: median(warm),
    warmLoad: median(warmLoad),
    cold: median(cold),
    facts: median(facts),
    byField: median(byField),
    fullScan,
    received,
    sameFigures,
    sameRecords,
    probe,
  };
}

export async function storageUsage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/** The sealed desk's lists timed again in a fresh page (the PIN unlocks first), without the full scans: later, once the database has settled from the sealing. */
export async function timeSealedListsAgain(runs = 3): Promise<ListTiming[]> {
  const db = new MotcuaDb();
  await db.open();
  const answer = await unlockWithPin(db, BENCH_OFFICER.staffId, BENCH_OFFICER.pin);
  db.close();
  if (!answer.ok) throw new Error(`the bench officer's PIN did not unlock: ${answer.reason}`);
  return timeLists(runs, false);
}
