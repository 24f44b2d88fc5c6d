// Sync throughput of the gateway, in process (Hono routing, JSON, schema checks; a push's first
// entry committed alone, the rest in one transaction, with their exactly-once records:
// server/sync/push.ts): dossiers pushed per second, replays per second, changes pulled per second; on PGlite and, when TEST_DATABASE_URL is
// set, on PostgreSQL. The baseline is the same number of bare one-row insert transactions of the
// same payload on the same database: what "one transaction per entry" could reach at best.
import { json, communeWithDevice, startTestGateway } from '../../server/test/gateway';
import { receiveEntry } from '../../server/test/dossiers';
import { testDatabaseKinds, type TestDatabaseKind } from '../../server/test/test-db';
import type { Figure, Section } from './report';

const ENTRIES = 1000;
const BATCH = 100;

async function measure(kind: TestDatabaseKind): Promise<Figure[]> {
  const gw = await startTestGateway(kind);
  try {
    const device = await communeWithDevice(gw.app);
    const entries = Array.from({ length: ENTRIES }, (_, i) =>
      receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-${String(i + 1).padStart(4, '0')}` }, i + 1),
    );
    const pushAll = async () => {
      const t0 = performance.now();
      for (let i = 0; i < ENTRIES; i += BATCH) {
        const res = await json(gw.app, 'POST', '/api/sync/push', { entries: entries.slice(i, i + BATCH) }, device.token);
        if (res.status !== 200) throw new Error(`push ${res.status}`);
        await res.arrayBuffer();
      }
      return ENTRIES / ((performance.now() - t0) / 1000);
    };
    const pushed = await pushAll();
    const replayed = await pushAll();

    const t1 = performance.now();
    let since = 0;
    let pulled = 0;
    for (;;) {
      const page = (await (await json(gw.app, 'GET', `/api/sync/pull?since=${since}&limit=200`, undefined, device.token)).json()) as {
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
    const body = JSON.stringify(entries[0]!.payload);
    const t2 = performance.now();
    for (let i = 0; i < ENTRIES; i++) {
      await gw.db.transaction((tx) => tx.query('insert into bench_floor (id, data) values ($1, $2::jsonb)', [i, body]));
    }
    const floor = ENTRIES / ((performance.now() - t2) / 1000);

    return [
      { name: `push, dossier.receive with official code (${kind})`, value: Math.round(pushed), unit: 'entries/s', baseline: Math.round(floor), note: `${ENTRIES} entries in batches of ${BATCH}; baseline: bare one-row insert transactions` },
      { name: `push replayed, answered from the record (${kind})`, value: Math.round(replayed), unit: 'entries/s', baseline: Math.round(floor) },
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
