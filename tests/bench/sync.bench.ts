// Sync throughput of the gateway, in process (Hono routing, JSON, schema checks; a push's first
// entry committed alone, the rest in one transaction, with their exactly-once records, written on
// PostgreSQL in several statements sent ahead: server/sync/push.ts): dossiers pushed per second,
// replays per second, changes pulled per second; on PGlite and, when TEST_DATABASE_URL is set,
// on PostgreSQL. The baseline is the same number of
// bare one-row insert transactions of the same payload on the same database: what "one
// transaction per entry" could reach at best. Wall-clock rates depend on what else the machine
// runs, so the CPU each push entry and each baseline row cost (this process, plus the PostgreSQL
// backends when they can be read: tests/bench/cpu.ts) is printed too. Pushes and baseline are each
// run three times (a fresh device for each push run) and their median printed: a single run takes
// about a second, and on a shared machine one run alone strays by a tenth either way.
import { json, communeWithDevice, startTestGateway, type TestDevice, type TestGateway } from '../../server/test/gateway';
import { receiveEntry } from '../../server/test/dossiers';
import { encodePushBody } from '../../src/sync/push-body';
import { testDatabaseKinds, type TestDatabaseKind } from '../../server/test/test-db';
import { cpuMsPerItem, cpuSpent, type CpuSpent } from './cpu';
import { median, type Figure, type Section } from './report';

const ENTRIES = 2000;
const BATCH = 100;
/** Runs of ENTRIES pushes (and of baseline inserts) whose median is printed. */
const RUNS = 3;
/** Pushed first from another device, so the figures are those of a warm gateway (its code optimised, its plans cached). */
const WARM_UP = 1000;

/** The push bodies of `count` new dossiers, encoded as a device sends them (the device's work, not the gateway's). */
function pushBodies(device: TestDevice, count: number): Uint8Array<ArrayBuffer>[] {
  const entries = Array.from({ length: count }, (_, i) =>
    receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-${String(i + 1).padStart(4, '0')}` }, i + 1),
  );
  const bodies: Uint8Array<ArrayBuffer>[] = [];
  for (let i = 0; i < count; i += BATCH) bodies.push(new TextEncoder().encode(encodePushBody({ entries: entries.slice(i, i + BATCH) })));
  return bodies;
}

/** Sends the bodies one push after the other; every entry must be answered accepted. */
async function pushAll(gw: TestGateway, device: TestDevice, bodies: Uint8Array<ArrayBuffer>[]): Promise<void> {
  for (const body of bodies) {
    const res = await gw.app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body,
    });
    if (res.status !== 200) throw new Error(`push ${res.status}`);
    const { results } = (await res.json()) as { results: { status: string }[] };
    if (results.some((r) => r.status !== 'accepted')) throw new Error('push: an entry was not accepted');
  }
}

async function timed(gw: TestGateway, work: () => Promise<void>): Promise<{ seconds: number; cpu: CpuSpent }> {
  const t0 = performance.now();
  const cpu = await cpuSpent(gw.db, work);
  return { seconds: (performance.now() - t0) / 1000, cpu };
}

async function measure(kind: TestDatabaseKind): Promise<Figure[]> {
  const gw = await startTestGateway(kind);
  try {
    const warm = await communeWithDevice(gw.app);
    await pushAll(gw, warm, pushBodies(warm, WARM_UP));

    const pushes: { seconds: number; cpu: CpuSpent }[] = [];
    let device: TestDevice | undefined;
    let bodies: Uint8Array<ArrayBuffer>[] = [];
    for (let run = 0; run < RUNS; run++) {
      device = await communeWithDevice(gw.app);
      bodies = pushBodies(device, ENTRIES);
      pushes.push(await timed(gw, () => pushAll(gw, device!, bodies)));
    }
    // The last run's pushes sent again: every entry answered from its record.
    const replayed = await timed(gw, () => pushAll(gw, device!, bodies));

    const t1 = performance.now();
    let since = 0;
    let pulled = 0;
    for (;;) {
      const page = (await (await json(gw.app, 'GET', `/api/sync/pull?since=${since}&limit=200`, undefined, device!.token)).json()) as {
        checkpoint: number;
        hasMore: boolean;
        changes: unknown[];
      };
      pulled += page.changes.length;
      since = page.checkpoint;
      if (!page.hasMore) break;
    }
    const pullRate = pulled / ((performance.now() - t1) / 1000);

    await gw.db.exec('create table bench_floor (id integer primary key, data jsonb not null)');
    const payload = JSON.stringify(receiveEntry(device!, { code: `TAM-${device!.deviceShort}-260302-0001` }, 1).payload);
    const floors: { seconds: number; cpu: CpuSpent }[] = [];
    for (let run = 0; run < RUNS; run++) {
      floors.push(
        await timed(gw, async () => {
          for (let i = 0; i < ENTRIES; i++) {
            const id = run * ENTRIES + i;
            await gw.db.transaction((tx) => tx.query('insert into bench_floor (id, data) values ($1, $2::jsonb)', [id, payload]));
          }
        }),
      );
    }

    const rate = (t: { seconds: number }) => Math.round(ENTRIES / t.seconds);
    const medianRate = (runs: { seconds: number }[]) => Math.round(median(runs.map(rate)));
    const spread = (runs: { seconds: number }[]) => `${Math.min(...runs.map(rate))}–${Math.max(...runs.map(rate))}`;
    /** CPU per item over every run. */
    const cpuOf = (runs: { cpu: CpuSpent }[]) => {
      const processMs = runs.reduce((n, r) => n + r.cpu.processMs, 0);
      const databaseMs = runs.some((r) => r.cpu.databaseMs === null) ? null : runs.reduce((n, r) => n + r.cpu.databaseMs!, 0);
      return Number(cpuMsPerItem({ processMs, databaseMs }, ENTRIES * runs.length).toFixed(3));
    };
    const where = pushes.some((p) => p.cpu.databaseMs === null)
      ? kind === 'postgres'
        ? 'this process only (PostgreSQL backends not readable)'
        : 'this process (PGlite inside it)'
      : 'this process + PostgreSQL backends';
    return [
      {
        name: `push, dossier.receive with official code (${kind})`,
        value: medianRate(pushes),
        unit: 'entries/s',
        baseline: medianRate(floors),
        note: `${ENTRIES} entries in batches of ${BATCH}, median of ${RUNS} runs (${spread(pushes)}; baseline ${spread(floors)}); baseline: bare one-row insert transactions`,
      },
      { name: `push, CPU per entry (${kind})`, value: cpuOf(pushes), unit: 'ms', baseline: cpuOf(floors), note: `${where}; baseline: per bare insert` },
      { name: `push replayed, answered from the record (${kind})`, value: rate(replayed), unit: 'entries/s', baseline: medianRate(floors) },
      { name: `pull, pages of 200 (${kind})`, value: Math.round(pullRate), unit: 'changes/s' },
    ];
  } finally {
    await gw.cleanup();
  }
}

export async function benchSync(): Promise<Section> {
  const figures: Figure[] = [];
  for (const kind of testDatabaseKinds) figures.push(...(await measure(kind)));
  return { section: 'Sync gateway (push, replay, pull)', figures };
}
