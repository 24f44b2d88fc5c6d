// An entry's hash is its content's, whatever the order of its keys: the app sends them in order
// (src/sync/push-body.ts, tested there) and the gateway then hashes natively; an older app's order,
// a payload JavaScript reorders itself, or one with bad text takes the walk, to the same hash.
import { describe, expect, it } from 'vitest';
import { receiveEntry } from '../test/dossiers';
import { keysInOrder, sortedKeys } from '../test/key-order';
import { entryHash } from './canonical-json';
import { checkEntry } from './entry-check';
import type { IncomingEntry } from './schemas';

const device = { communeId: 'xa-a', agencyCode: '000.00.01.H15', deviceId: 'may-1', deviceShort: 'M1', token: 't' };
/** An entry as it arrives: parsed from the body's text. */
const arrived = (text: string) => JSON.parse(text) as IncomingEntry;
const canonicalHashOf = (e: IncomingEntry) => entryHash({ kind: e['kind'], entityId: e['entityId'], payload: e['payload'] });

describe('checkEntry hashing', () => {
  const entry = receiveEntry(device, { code: 'TAM-M1-260302-0001' }, 1);

  it('gives a dossier sent with its keys in order the hash of the same dossier in the order it was built', () => {
    const ordered = JSON.stringify(sortedKeys(entry));
    expect(keysInOrder(JSON.parse(ordered))).toBe(true);
    const inOrder = checkEntry(arrived(ordered));
    const asBuilt = checkEntry(arrived(JSON.stringify(entry)));
    expect(inOrder.problem).toBeNull();
    expect(inOrder.hash).toBe(asBuilt.hash);
    expect(inOrder.hash).toBe(canonicalHashOf(arrived(JSON.stringify(entry))));
  });

  it('hashes by the canonical form a payload whose index-like keys JavaScript puts first', () => {
    const text = '{"mutation":1,"kind":"k","entityId":"e","payload":{"10":"a","9":"b"}}';
    expect(checkEntry(arrived(text)).hash).toBe(entryHash({ kind: 'k', entityId: 'e', payload: { '9': 'b', '10': 'a' } }));
  });

  it('hashes an entry with bad text, in order or not, by its whole content, and says where the text is', () => {
    const ordered = arrived('{"entityId":"e","kind":"k","mutation":1,"payload":{"a":{"b":"x\\u0000"},"z":{"y":1,"x":2}}}');
    const other = arrived('{"mutation":1,"kind":"k","entityId":"e","payload":{"z":{"x":2,"y":1},"a":{"b":"x\\u0000"}}}');
    expect(checkEntry(ordered).hash).toBe(checkEntry(other).hash);
    expect(checkEntry(ordered).hash).toBe(canonicalHashOf(ordered));
    expect(checkEntry(ordered).problem).toMatch(/trường a\.b chứa ký tự NUL/);
  });
});
