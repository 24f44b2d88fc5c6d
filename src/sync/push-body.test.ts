// The push body the app sends: the same JSON as before, with every object's keys in code-unit
// order, which lets the gateway hash each entry natively (server/sync/canonical-json.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePushBody } from './push-body';

/** Every object's keys in the text, in strictly increasing code-unit order (index-like keys aside, which JavaScript orders itself). */
function keysInOrder(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysInOrder);
  if (value === null || typeof value !== 'object') return true;
  const keys = Object.keys(value).filter((k) => !/^(0|[1-9]\d*)$/.test(k));
  return keys.every((k, i) => i === 0 || keys[i - 1]! < k) && Object.values(value).every(keysInOrder);
}

describe('encodePushBody', () => {
  it('writes the same JSON value with every key in order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = encodePushBody({ entries: [{ mutation: 1, payload: value }] });
        const back = JSON.parse(text) as unknown;
        expect(back).toEqual(JSON.parse(JSON.stringify({ entries: [{ mutation: 1, payload: value }] })));
        expect(keysInOrder(back)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a key named __proto__ (JSON.parse makes it an own key; an assignment would drop it)', () => {
    const payload = JSON.parse('{"z":1,"__proto__":{"b":false,"a":0}}') as unknown;
    expect(encodePushBody({ entries: [{ mutation: 1, payload }] })).toBe('{"entries":[{"mutation":1,"payload":{"__proto__":{"a":0,"b":false},"z":1}}]}');
  });

  it('orders a dossier as the outbox holds it, dates written as JSON writes them', () => {
    const at = new Date('2026-03-02T02:30:00Z');
    const text = encodePushBody({
      entries: [
        { mutation: 7, kind: 'dossier.receive', entityId: 'd1', payload: { status: 2, code: 'X', receivedAt: at, data: { z: null, a: [{ b: 1, a: 2 }] } } },
      ],
    });
    expect(text).toBe(
      '{"entries":[{"entityId":"d1","kind":"dossier.receive","mutation":7,"payload":{"code":"X","data":{"a":[{"a":2,"b":1}],"z":null},"receivedAt":"2026-03-02T02:30:00.000Z","status":2}}]}',
    );
  });
});
