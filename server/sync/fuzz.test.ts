// Property-based fuzz of the gateway's device API (fast-check, fixed seed, bounded runs): random
// and hostile entries and bodies (control characters, lone surrogates, deep nesting, huge numbers,
// wrong types, unknown fields, an origin device of any commune or none) never get a 5xx, never
// touch another commune's data, and each bad entry is refused on its own with a reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communeWithDevice, enrolDevice, json, useTestGateway } from '../test/gateway';
import { nextMutation, receiveEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

const SEED = 20261205;
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\u0007b', 'dossier.receive', 'dossier.transition', '__proto__', 'constructor', ''),
);
const deep = fc.integer({ min: 1, max: 3000 }).map((n) => JSON.parse(`${'['.repeat(n)}1${']'.repeat(n)}`) as unknown);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 0.5, -1, true, null),
  deep,
  fc.dictionary(hostileText, fc.oneof(hostileText, fc.integer(), fc.constant(null)), { maxKeys: 4 }),
  fc.array(hostileText, { maxLength: 4 }),
);

describe.each(testDatabaseKinds)('fuzzing the device API on %s', (kind) => {
  const gw = useTestGateway(kind);

  it('answers every push of hostile entries per entry, without a 5xx, and leaves other communes alone', async () => {
    const device = await communeWithDevice(gw.app);
    const neighbour = await enrolDevice(gw.app, device.communeId, 'Máy bên cạnh');
    const bystander = await communeWithDevice(gw.app);
    const theirs = receiveEntry(bystander, { code: `TAM-${bystander.deviceShort}-260302-0001` });
    expect((await json(gw.app, 'POST', '/api/sync/push', { entries: [theirs] }, bystander.token)).status).toBe(200);
    const snapshot = () => gw.db.query('select id, version, data from dossiers where commune_id = $1 order by id', [bystander.communeId]);
    const before = await snapshot();

    const entry = fc.record(
      {
        kind: fc.oneof(hostileText, fc.constantFrom('dossier.receive', 'dossier.refuse', 'dossier.transition', 'dossier.rate', 'dossier.result'), hostileValue),
        entityId: fc.oneof(hostileText, fc.constant(theirs.entityId), hostileValue),
        payload: fc.oneof(
          hostileValue,
          fc.record({ dossierId: fc.constant(theirs.entityId), action: hostileText, rating: hostileText, at: hostileText, extra: hostileValue }),
          // A supplement's papers on the bystander's dossier: never taken in (see supplement.test.ts for our own).
          fc.record({
            dossierId: fc.constant(theirs.entityId),
            action: fc.constantFrom('receiveSupplement', 'startProcessing'),
            at: hostileText,
            papers: fc.oneof(hostileValue, fc.array(hostileValue, { maxLength: 3 })),
          }),
        ),
        extra: hostileValue,
        // Carried entries (issue 14): the device itself, a device of its commune, the bystander's, or anything.
        originDevice: fc.oneof(fc.constant(device.deviceId), fc.constant(neighbour.deviceId), fc.constant(bystander.deviceId), hostileValue),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 4 }), async (entries) => {
        const sent = entries.map((e) => ({ mutation: nextMutation(), ...e }));
        const res = await json(gw.app, 'POST', '/api/sync/push', JSON.stringify({ entries: sent }), device.token);
        expect(res.status).toBe(200);
        const { results } = (await res.json()) as { results: { mutation: number; status: string; reason?: string }[] };
        expect(results.map((r) => r.mutation)).toEqual(sent.map((e) => e.mutation));
        for (const r of results) {
          if (r.status === 'rejected') expect(r.reason).toMatch(/\S{3,}/);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
    expect(await snapshot()).toEqual(before);
    // Nothing was recorded under the bystander's device: its numbers stay its own.
    expect(await gw.db.query('select mutation from sync_mutations where device_id = $1', [bystander.deviceId])).toHaveLength(1);
  }, 300_000);

  it('never answers 5xx to hostile bodies for push, pull, code blocks and file questions', async () => {
    const device = await communeWithDevice(gw.app);
    const routes = [
      ['POST', '/api/sync/push'],
      ['POST', '/api/code-blocks'],
      ['POST', '/api/files/held'],
      ['POST', '/api/devices/enrol'],
      ['POST', '/api/auth/sign-in'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          hostileValue,
          fc.record(
            {
              entries: hostileValue,
              days: hostileValue,
              size: hostileValue,
              sha256: hostileValue,
              code: hostileValue,
              deviceName: hostileValue,
              username: hostileValue,
              password: hostileValue,
            },
            { requiredKeys: [] },
          ),
        ),
        async ([method, url], body) => {
          const res = await json(gw.app, method, url, JSON.stringify(body), device.token);
          expect(res.status, `${url} ${res.status}`).toBeLessThan(500);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (since, limit) => {
        // A lone surrogate cannot be URI-encoded as text: send its raw UTF-8-ish bytes instead.
        const q = (text: string) => encodeURIComponent(text.replace(/\p{Cs}/gu, '')).concat(text.match(/\p{Cs}/u) ? '%ED%A0%80' : '');
        const res = await json(gw.app, 'GET', `/api/sync/pull?since=${q(since)}&limit=${q(limit)}`, undefined, device.token);
        expect(res.status).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: 30 },
    );
  }, 300_000);
});
