// The Group 4 encoder: hand-worked code streams from T.4's rules, and round trips through a
// decoder written separately (testing/g4-decode.ts) on random and text-like pages.
import { describe, expect, it } from 'vitest';
import { BLACK_MAKEUP, BLACK_TERMINATING, EOL, EXTENDED_MAKEUP, MODE_CODES, WHITE_MAKEUP, WHITE_TERMINATING } from './ccitt-codes';
import { encodeG4, type BilevelImage } from './g4-encode';
import { decodeG4 } from './testing/g4-decode';
import { seededRandom } from '../../tests/support/seeded-random';

/** Packs a string of 0/1 characters MSB-first, zero-padded, as a fax coder writes them. */
function bitsToBytes(bits: string): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i] === '1') out[i >> 3]! |= 0x80 >> (i & 7);
  return out;
}

/** An image from rows drawn as text: '#' is ink. */
function picture(...rows: string[]): BilevelImage {
  const width = rows[0]!.length;
  const data = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => [...row].forEach((c, x) => (data[y * width + x] = c === '#' ? 1 : 0)));
  return { width, height: rows.length, data };
}

const EOFB = EOL + EOL;

describe('Group 4 code tables', () => {
  it.each([
    ['white runs', [...WHITE_TERMINATING, ...WHITE_MAKEUP, ...EXTENDED_MAKEUP, EOL]],
    ['black runs', [...BLACK_TERMINATING, ...BLACK_MAKEUP, ...EXTENDED_MAKEUP, EOL]],
    ['modes', [...Object.values(MODE_CODES), EOL]],
  ])('%s form a prefix code (no word starts another)', (_, words) => {
    for (const a of words) for (const b of words) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
    expect(new Set(words).size).toBe(words.length);
  });

  it('has every run length and the expected word counts', () => {
    expect([WHITE_TERMINATING.length, BLACK_TERMINATING.length, WHITE_MAKEUP.length, BLACK_MAKEUP.length, EXTENDED_MAKEUP.length]).toEqual([
      64, 64, 27, 27, 13,
    ]);
    // Known words from T.4 Table 2/3, the ones a text page uses most.
    expect([WHITE_TERMINATING[2], WHITE_TERMINATING[0], BLACK_TERMINATING[2], BLACK_TERMINATING[0], WHITE_MAKEUP[0], BLACK_MAKEUP[0]]).toEqual([
      '0111',
      '00110101',
      '11',
      '0000110111',
      '11011',
      '0000001111',
    ]);
  });
});

describe('encodeG4, known answers', () => {
  it('codes an all-white row as V0 then EOFB', () => {
    expect(encodeG4(picture('........'))).toEqual(bitsToBytes('1' + EOFB));
    expect(encodeG4(picture('........'))).toEqual(new Uint8Array([0x80, 0x08, 0x00, 0x80]));
  });

  it('codes an all-black row in horizontal mode with a zero white run', () => {
    expect(encodeG4(picture('########'))).toEqual(bitsToBytes('001' + '00110101' + '000101' + EOFB));
  });

  it('codes a repeated row in vertical mode against the row above', () => {
    // Row 1: H(white 2, black 3), V0 to the end. Row 2: V0 at each edge, V0 to the end.
    expect(encodeG4(picture('..###...', '..###...'))).toEqual(bitsToBytes('001' + '0111' + '10' + '1' + '111' + EOFB));
  });

  it('uses pass mode when an ink run above ends before the coding row changes', () => {
    expect(encodeG4(picture('..##....', '........'))).toEqual(bitsToBytes('001' + '0111' + '11' + '1' + '0001' + '1' + EOFB));
  });

  it('uses VR1 and VL1 for edges one pixel right and left of the row above', () => {
    expect(encodeG4(picture('..####..', '...##...'))).toEqual(bitsToBytes('001' + '0111' + '011' + '1' + '011' + '010' + '1' + EOFB));
  });

  it('uses VR2/VR3/VL2/VL3 for edges two and three pixels away', () => {
    // Row 2 starts 2 right of row 1 (VR2) and ends 3 left of it (VL3).
    const img = picture('.##########.', '...#####....');
    expect(encodeG4(img)).toEqual(bitsToBytes('001' + '000111' + '0000100' + '1' + '000011' + '0000010' + '1' + EOFB));
  });

  it('codes a long black run with the extended and ordinary make-up codes', () => {
    const width = 3000;
    const img = { width, height: 1, data: new Uint8Array(width).fill(1) };
    // 3000 = 2560 (extended make-up) + 384 (black make-up) + 56 (terminating).
    const expected = '001' + '00110101' + '000000011111' + '000000110100' + '000000101000' + EOFB;
    expect(encodeG4(img)).toEqual(bitsToBytes(expected));
  });

  it('refuses an image whose data is shorter than its size', () => {
    expect(() => encodeG4({ width: 10, height: 10, data: new Uint8Array(50) })).toThrow(RangeError);
  });
});

/** Text-like ink: short strokes in lines, like glyphs, with a few wide rules. */
function textLike(width: number, height: number, seed: number): BilevelImage {
  const rnd = seededRandom(seed);
  const data = new Uint8Array(width * height);
  for (let line = 8; line + 14 < height; line += 24) {
    for (let x = 10; x < width - 12;) {
      const w = 2 + Math.floor(rnd() * 9);
      const h = 6 + Math.floor(rnd() * 9);
      // Glyph-sized boxes with a counter (hole), like o, a, e.
      const top = line + Math.floor(rnd() * 4);
      for (let y = top; y < Math.min(top + h, height); y++) {
        for (let i = x; i < Math.min(x + w, width); i++) {
          const inside = w >= 5 && y > top + 1 && y < top + h - 2 && i > x + 1 && i < x + w - 2;
          data[y * width + i] = inside ? 0 : 1;
        }
      }
      x += w + 1 + Math.floor(rnd() * 6);
    }
  }
  // A horizontal rule across the page and a solid block: long runs.
  data.fill(1, 3 * width, 4 * width);
  for (let y = height - 20; y < height - 5; y++) data.fill(1, y * width + 5, y * width + width - 5);
  return { width, height, data };
}

describe('encodeG4 round trips through an independent decoder', () => {
  it.each([
    [1, 1],
    [7, 3],
    [64, 64],
    [65, 10],
    [1728, 4],
    [2600, 3],
  ])('random noise %i×%i', (width, height) => {
    const rnd = seededRandom(width * 31 + height);
    const data = new Uint8Array(width * height).map(() => (rnd() < 0.5 ? 1 : 0));
    const image = { width, height, data };
    expect(decodeG4(encodeG4(image), width, height).data).toEqual(data);
  });

  it.each([0.02, 0.2, 0.8, 0.98])('sparse and dense noise (ink share %f)', (share) => {
    const rnd = seededRandom(Math.round(share * 1000));
    const width = 301;
    const height = 57;
    const data = new Uint8Array(width * height).map(() => (rnd() < share ? 1 : 0));
    expect(decodeG4(encodeG4({ width, height, data }), width, height).data).toEqual(data);
  });

  it('a text-like page, far smaller than its raw bits', () => {
    const image = textLike(827, 400, 7);
    const encoded = encodeG4(image);
    expect(decodeG4(encoded, image.width, image.height).data).toEqual(image.data);
    expect(encoded.length).toBeLessThan((image.width * image.height) / 8 / 3);
  });

  it('treats any non-zero byte as ink', () => {
    const image = picture('.#.#', '#..#');
    const loud = { ...image, data: image.data.map((v) => v * 255) };
    expect(encodeG4(loud)).toEqual(encodeG4(image));
  });
});
