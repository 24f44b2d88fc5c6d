// What IndexedDB would keep of a row's personal fields, the codec keeps too: dates, undefined,
// numbers JSON cannot write, typed arrays, maps and sets, and an object that uses the tag key.
import { describe, expect, it } from 'vitest';
import { fromBytes, toBytes } from './codec';

describe('codec', () => {
  it('gives back structured-clone values as they were', () => {
    const value = {
      name: 'Nguyễn Thị Lan',
      born: new Date('1990-02-03T00:00:00Z'),
      missing: undefined,
      list: [1, undefined, null, 'x'],
      odd: [Number.NaN, Infinity, -Infinity, -0],
      big: 12345678901234567890n,
      bytes: new Uint8Array([0, 1, 255]),
      floats: new Float64Array([1.5, -2]),
      buffer: new Uint8Array([9, 8]).buffer,
      map: new Map<unknown, unknown>([['a', new Date(0)]]),
      set: new Set([1, 'b']),
      '\u0001': 'a key that looks like the tag',
      nested: { '\u0001': 'u' },
    };
    const back = fromBytes(toBytes(value)) as typeof value;
    expect(back).toEqual(value);
    expect('missing' in back).toBe(true);
    expect(Object.is(back.odd[3], -0)).toBe(true);
    expect(back.floats).toBeInstanceOf(Float64Array);
  });

  it('refuses what it cannot write synchronously (a Blob is sealed apart)', () => {
    expect(() => toBytes({ photo: new Blob(['x']) })).toThrow(/Blob/);
  });
});
