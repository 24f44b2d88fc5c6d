// The canonical form behind every entry's hash: recorded hashes tell a replay from a reused
// number, so the form must never change (a pinned hash) and must not depend on key order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysInOrder, reversedKeys as reversed, sortedKeys as sorted } from '../test/key-order';
import { canonicalJson, entryHash, keyOrderedEntryHash } from './canonical-json';

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

  it('hashes an entry whose keys already come in order natively, to the same hash', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.jsonValue(), (kind, entityId, value) => {
        const payload = sorted(value);
        // Keys that look like array indexes are written by JSON.stringify in numeric order ("9" before "10"): such a payload must take the slow path.
        fc.pre(keysInOrder(payload));
        expect(keyOrderedEntryHash({ kind, entityId, payload })).toBe(entryHash({ kind, entityId, payload: reversed(value) }));
      }),
      { numRuns: 500 },
    );
    expect(keysInOrder(sorted({ '10': 1, '9': 2 }))).toBe(false);
  });
});
