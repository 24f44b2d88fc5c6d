// The citizen status page's answer time with many dossiers in the gateway's database (issue 15):
// a form post found by dossier code, by lookup code, and a wrong-digits post, through the whole
// Hono app in process (body bound, limits, one index lookup, rendering). The baseline is
// /api/health in the same run (routing plus one trivial query), its requests interleaved with
// the measured ones so both see the same machine load. The dossiers are written straight into
// the table (that is setup, not measured): MOTCUA_BENCH_STATUS_DOSSIERS, 100,000 by default.
import { startTestGateway, type TestGateway } from '../../server/test/gateway';
import { receiveEntry } from '../../server/test/dossiers';
import { demoCommune } from '../../server/seed/demo';
import { testDatabaseKinds, type TestDatabaseKind } from '../../server/test/test-db';
import { median, percentile, type Figure, type Section } from './report';

const DOSSIERS = Number(process.env.MOTCUA_BENCH_STATUS_DOSSIERS ?? 100_000);
const REQUESTS = 300;
/** One dossier in ten is a tablet's online submission, known by its lookup code only. */
const ONLINE_EVERY = 10;

/** The i-th dossier's code, lookup code and the 4 digits that open it (as the insert below makes them). */
const codeOf = (i: number) => `${demoCommune.agencyCode}-${dayOf(i)}-${String((i % 9000) + 1).padStart(4, '0')}`;
const dayOf = (i: number) => {
  const d = new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 9000)));
  return `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
};
const digitsOf = (i: number) => String(i).padStart(12, '0').slice(-4);

async function fill(gw: TestGateway): Promise<void> {
  const template = receiveEntry(
    { communeId: demoCommune.id, agencyCode: demoCommune.agencyCode, deviceId: 'bench', deviceShort: 'BENCH', token: '' },
    { code: codeOf(0) },
  ).payload;
  // Each dossier its own ID number (so its own 4 digits); codes as codeOf, lookup codes from md5 (hex is Crockford base32).
  await gw.db.query(
    `insert into dossiers (id, commune_id, code, lookup_code, status, procedure_code, received_at, due_at, data, version, change_kind)
     select 'bench-' || i, $1,
            case when i % $4 = 0 then null
                 else $2 || '-' || to_char(date '2026-01-01' + (i / 9000), 'YYMMDD') || '-' || lpad(((i % 9000) + 1)::text, 4, '0') end,
            case when i % $4 = 0 then upper(substr(md5(i::text), 1, 10)) end,
            case when i % $4 = 0 then 1 else 4 end, $5, now(), now(),
            jsonb_set(jsonb_set($3::jsonb, '{applicantIdNumber}', to_jsonb(lpad(i::text, 12, '0'))),
                      '{data,intake,applicant,idNumber}', to_jsonb(lpad(i::text, 12, '0'))),
            1, 'bench'
       from generate_series(0, $6::int - 1) as i`,
    [demoCommune.id, demoCommune.agencyCode, JSON.stringify(template), ONLINE_EVERY, template.procedureCode, DOSSIERS],
  );
  await gw.db.query('analyze dossiers');
}

const lookupOf = async (gw: TestGateway, i: number) =>
  (await gw.db.query<{ lookup_code: string }>('select lookup_code from dossiers where id = $1', [`bench-${i}`]))[0]!.lookup_code;

async function post(gw: TestGateway, ma: string, so: string, expected: number): Promise<number> {
  const t0 = performance.now();
  const res = await gw.app.request('/tra-cuu-ho-so', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ma, so }).toString(),
  });
  await res.text();
  const ms = performance.now() - t0;
  if (res.status !== expected) throw new Error(`status page answered ${res.status}, expected ${expected}`);
  return ms;
}

async function health(gw: TestGateway): Promise<number> {
  const t0 = performance.now();
  const res = await gw.app.request('/api/health');
  await res.text();
  if (res.status !== 200) throw new Error(`health ${res.status}`);
  return performance.now() - t0;
}

async function measure(kind: TestDatabaseKind): Promise<Figure[]> {
  // The per-address limit would stop a bench calling from one address; the per-code one is left as it is.
  const gw = await startTestGateway(kind, { statusPageLimits: { requestsPerAddressPerMinute: Number.MAX_SAFE_INTEGER } });
  try {
    const t0 = performance.now();
    await fill(gw);
    const fillSeconds = (performance.now() - t0) / 1000;
    // Spread over the table: dossiers by code (i % 10 != 0) and by lookup code (i % 10 == 0).
    const pick = (n: number, online: boolean) => {
      const i = Math.floor(((n * 7919) % Math.floor(DOSSIERS / ONLINE_EVERY)) * ONLINE_EVERY);
      return online ? i : i + 1 + (n % (ONLINE_EVERY - 1));
    };
    const lookups = await Promise.all(Array.from({ length: REQUESTS }, (_, n) => lookupOf(gw, pick(n, true))));

    // Warm up every path once before measuring.
    for (let n = 0; n < 20; n++) {
      await health(gw);
      await post(gw, codeOf(pick(n, false)), digitsOf(pick(n, false)), 200);
    }
    const base: number[] = [];
    const byCode: number[] = [];
    const byLookup: number[] = [];
    const wrong: number[] = [];
    for (let n = 0; n < REQUESTS; n++) {
      base.push(await health(gw));
      byCode.push(await post(gw, codeOf(pick(n, false)), digitsOf(pick(n, false)), 200));
      byLookup.push(await post(gw, lookups[n]!, digitsOf(pick(n, true)), 200));
      // Wrong digits on a code of its own each time, so the limit of tries never answers instead.
      const other = pick(n + REQUESTS, false);
      wrong.push(await post(gw, codeOf(other), digitsOf(other) === '0000' ? '0001' : '0000', 404));
    }
    const [plan] = await gw.db.query<Record<string, string>>(`explain select 1 from dossiers where code = $1`, [codeOf(1)]);
    const planText = Object.values(plan ?? {})[0] ?? '';
    const round = (ms: number) => Number(ms.toFixed(2));
    const baseline = round(median(base));
    const note = `${DOSSIERS.toLocaleString('en')} dossiers (${kind}), ${REQUESTS} requests each, interleaved with the baseline (/api/health)`;
    return [
      { name: `found by dossier code, median (${kind})`, value: round(median(byCode)), unit: 'ms', baseline, note },
      { name: `found by dossier code, p95 (${kind})`, value: round(percentile(byCode, 95)), unit: 'ms', baseline: round(percentile(base, 95)) },
      { name: `found by lookup code, median (${kind})`, value: round(median(byLookup)), unit: 'ms', baseline },
      { name: `found by lookup code, p95 (${kind})`, value: round(percentile(byLookup, 95)), unit: 'ms', baseline: round(percentile(base, 95)) },
      { name: `wrong digits (not found), median (${kind})`, value: round(median(wrong)), unit: 'ms', baseline },
      { name: `filling the table (setup, ${kind})`, value: round(fillSeconds), unit: 's', note: `plan of a code lookup: ${planText.trim()}` },
    ];
  } finally {
    await gw.cleanup();
  }
}

export async function benchStatusPage(): Promise<Section> {
  const figures: Figure[] = [];
  for (const kind of testDatabaseKinds) figures.push(...(await measure(kind)));
  return { section: 'Citizen status page (gateway, in process)', figures };
}
