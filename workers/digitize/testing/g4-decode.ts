// A Group 4 (T.6) decoder used only by tests, to check the encoder. It works on pixels (the
// reference row as an array of colours), not on the encoder's lists of changes, so a mistake in
// the encoder's bookkeeping is not repeated here. The code tables are the spec's, shared with the
// encoder (they were checked word for word against an independent copy of T.4 Tables 2 and 3).
import { BLACK_MAKEUP, BLACK_TERMINATING, EOL, EXTENDED_MAKEUP, MODE_CODES, WHITE_MAKEUP, WHITE_TERMINATING } from '../ccitt-codes';
import type { BilevelImage } from '../g4-encode';

type Mode = 'pass' | 'horizontal' | 'eol' | number; // a number is a vertical offset a1 - b1

function runTable(terminating: readonly string[], makeup: readonly string[]): Map<string, number> {
  const table = new Map<string, number>();
  terminating.forEach((bits, run) => table.set(bits, run));
  makeup.forEach((bits, i) => table.set(bits, 64 * (i + 1)));
  EXTENDED_MAKEUP.forEach((bits, i) => table.set(bits, 1792 + 64 * i));
  return table;
}

const whiteRuns = runTable(WHITE_TERMINATING, WHITE_MAKEUP);
const blackRuns = runTable(BLACK_TERMINATING, BLACK_MAKEUP);
const modes = new Map<string, Mode>([
  [MODE_CODES.pass, 'pass'],
  [MODE_CODES.horizontal, 'horizontal'],
  [MODE_CODES.v0, 0],
  [MODE_CODES.vr1, 1],
  [MODE_CODES.vr2, 2],
  [MODE_CODES.vr3, 3],
  [MODE_CODES.vl1, -1],
  [MODE_CODES.vl2, -2],
  [MODE_CODES.vl3, -3],
  [EOL, 'eol'],
]);

class BitReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  bit(): number {
    const byte = this.bytes[this.pos >> 3];
    if (byte === undefined) throw new Error(`G4: data ends at bit ${this.pos}`);
    const b = (byte >> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return b;
  }
  /** Reads bits until they spell a word of the table. */
  word<T>(table: Map<string, T>, what: string): T {
    let bits = '';
    while (bits.length < 14) {
      bits += this.bit();
      const hit = table.get(bits);
      if (hit !== undefined) return hit;
    }
    throw new Error(`G4: no ${what} code at bit ${this.pos - bits.length}: ${bits}`);
  }
}

function readRun(reader: BitReader, colour: number): number {
  const table = colour === 0 ? whiteRuns : blackRuns;
  let total = 0;
  for (;;) {
    const run = reader.word(table, colour === 0 ? 'white run' : 'black run');
    total += run;
    if (run < 64) return total;
  }
}

/** Colour at x of a row, with the imaginary white pixel left of the row. */
function at(row: Uint8Array, x: number): number {
  return x < 0 ? 0 : row[x]!;
}

/** The first changing pixel right of a0 on the reference row whose colour is `colour`, and the next change after it. */
function findB1B2(ref: Uint8Array, width: number, a0: number, colour: number): [number, number] {
  let b1 = width;
  for (let x = Math.max(a0 + 1, 0); x < width; x++) {
    if (ref[x] !== at(ref, x - 1) && ref[x] === colour) {
      b1 = x;
      break;
    }
  }
  let b2 = width;
  for (let x = b1 + 1; x < width; x++) {
    if (ref[x] !== ref[x - 1]) {
      b2 = x;
      break;
    }
  }
  return [b1, b2];
}

export function decodeG4(bytes: Uint8Array, width: number, height: number): BilevelImage {
  const data = new Uint8Array(width * height);
  const reader = new BitReader(bytes);
  let ref = new Uint8Array(width); // all white above the first row
  for (let y = 0; y < height; y++) {
    const row = data.subarray(y * width, (y + 1) * width);
    let a0 = -1;
    let colour = 0;
    const paint = (from: number, to: number, c: number) => {
      if (to > width || to < from) throw new Error(`G4: run past the row (${from}..${to}) at row ${y}`);
      row.fill(c, from, to);
    };
    while (a0 < width) {
      const mode = reader.word(modes, 'mode');
      const start = Math.max(a0, 0);
      if (mode === 'eol') throw new Error(`G4: end of block inside row ${y}`);
      const [b1, b2] = findB1B2(ref, width, a0, 1 - colour);
      if (mode === 'pass') {
        paint(start, b2, colour);
        a0 = b2;
      } else if (mode === 'horizontal') {
        const r1 = readRun(reader, colour);
        const r2 = readRun(reader, 1 - colour);
        paint(start, start + r1, colour);
        paint(start + r1, start + r1 + r2, 1 - colour);
        a0 = start + r1 + r2;
      } else {
        const a1 = b1 + mode;
        paint(start, a1, colour);
        a0 = a1;
        colour = 1 - colour;
      }
    }
    ref = row;
  }
  // The block must end with EOFB (two EOLs).
  if (reader.word(modes, 'EOFB') !== 'eol' || reader.word(modes, 'EOFB') !== 'eol') throw new Error('G4: missing EOFB');
  return { width, height, data };
}
