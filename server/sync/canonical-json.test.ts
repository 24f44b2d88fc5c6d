// The canonical form behind every entry's hash: recorded hashes tell a replay from a reused
// number, so the form must never change (a pinned hash) and must not depend on key order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash } from './canonical-json';

/** The same value with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe('canonicalJson', () => {
  it('is JSON of the same value, whatever the order of keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reversed(value))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('hashes an entry as it always has (hashes recorded by earlier gateways must still match)', () => {
    const entry = {
      kind: 'dossier.transition',
      entityId: 'ho-so-1',
      payload: {
        dossierId: 'ho-so-1',
        action: 'startProcessing',
        actor: { role: 'processingOfficer', name: 'Hà Văn Xử', id: 'officer-1' },
        at: '2026-03-02T03:00:00Z',
        list: [1, 2.5, null, true, 'chữ "trích" \\ và \n'],
      },
    };
    expect(entryHash(entry)).toBe('36ec80a9e7c5502e17349924154fa3ffd84d9c01bda3720dde014291bb8bb2d1');
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [undefined] } })).toBe('{"a":{"c":[null]},"b":1}');
    // Keys quoted directly and keys that need escaping (quote, backslash, control, non-ASCII) alike.
    const keys = { 'a"b': 1, 'a\\b': 2, 'tab\t': 3, chữ: 4, '': 5, ' ~': 6, '10': 7, '9': 8 };
    expect(canonicalJson(keys)).toBe('{"":5," ~":6,"10":7,"9":8,"a\\"b":1,"a\\\\b":2,"chữ":4,"tab\\t":3}');
  });
});
