// CCITT Group 4 (ITU-T T.6) encoder for 1-bit pages: the compression a PDF's CCITTFaxDecode
// filter reads (K = -1). Each row is coded against the row above, so text pages shrink to tens of KB.
import { BitWriter, toCode, type Code } from './bit-writer';
import { BLACK_MAKEUP, BLACK_TERMINATING, EOL, EXTENDED_MAKEUP, MODE_CODES, WHITE_MAKEUP, WHITE_TERMINATING } from './ccitt-codes';

/** A bilevel image: one byte per pixel, 1 = black (ink), 0 = white (paper). */
export interface BilevelImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const mode = {
  pass: toCode(MODE_CODES.pass),
  horizontal: toCode(MODE_CODES.horizontal),
  // Indexed by a1 - b1 + 3: VL3, VL2, VL1, V0, VR1, VR2, VR3.
  vertical: [MODE_CODES.vl3, MODE_CODES.vl2, MODE_CODES.vl1, MODE_CODES.v0, MODE_CODES.vr1, MODE_CODES.vr2, MODE_CODES.vr3].map(toCode),
};
const eol = toCode(EOL);
const runCodes = [
  { terminating: WHITE_TERMINATING.map(toCode), makeup: WHITE_MAKEUP.map(toCode) },
  { terminating: BLACK_TERMINATING.map(toCode), makeup: BLACK_MAKEUP.map(toCode) },
] as const;
const extendedMakeup = EXTENDED_MAKEUP.map(toCode);

function put(out: BitWriter, code: Code): void {
  out.write(code.value, code.length);
}

/** A run of `length` pixels of colour 0 (white) or 1 (black): make-up codes, then a terminating code. */
function putRun(out: BitWriter, colour: 0 | 1, length: number): void {
  const codes = runCodes[colour];
  while (length >= 2560) {
    put(out, extendedMakeup[12]!);
    length -= 2560;
  }
  if (length >= 1792) {
    put(out, extendedMakeup[(length >> 6) - 28]!);
    length &= 63;
  } else if (length >= 64) {
    put(out, codes.makeup[(length >> 6) - 1]!);
    length &= 63;
  }
  put(out, codes.terminating[length]!);
}

/** Four pixels of one colour read as one 32-bit word (the same in either byte order). */
const WORD_OF = [0, 0x01010101] as const;

/**
 * Fills `changes` with the positions where a row changes colour (the first pixel is compared with
 * an imaginary white pixel), followed by two sentinels at `width`. Returns the count of real changes.
 * `words` (the same bytes as 32-bit words, when aligned) lets it step over four pixels of the
 * current colour at once: a text row is mostly long runs.
 */
function rowChanges(data: Uint8Array, words: Uint32Array | undefined, offset: number, width: number, changes: Int32Array): number {
  let count = 0;
  let colour: 0 | 1 = 0;
  for (let x = 0; x < width;) {
    const at = offset + x;
    if (words && (at & 3) === 0 && x + 4 <= width && words[at >> 2] === WORD_OF[colour]) {
      x += 4;
      continue;
    }
    const pixel = data[at]! === 0 ? 0 : 1;
    if (pixel !== colour) {
      changes[count++] = x;
      colour = pixel;
    }
    x++;
  }
  changes[count] = width;
  changes[count + 1] = width;
  return count;
}

export function encodeG4(image: BilevelImage): Uint8Array {
  const { width, height, data } = image;
  if (width < 1 || height < 1 || data.length < width * height) throw new RangeError('Ảnh 1-bit không hợp lệ.');
  const out = new BitWriter(Math.max(1024, (width * height) >> 5));
  // Changing elements of the reference (previous) and coding rows, each with two sentinels.
  let ref = new Int32Array(width + 2);
  let cur = new Int32Array(width + 2);
  let refCount = 0;
  ref[0] = width;
  ref[1] = width;
  const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;

  for (let y = 0; y < height; y++) {
    const curCount = rowChanges(data, words, y * width, width, cur);
    let a0 = -1;
    let colour: 0 | 1 = 0;
    let ai = 0; // index in cur of the first change > a0
    let bi = 0; // index in ref from which to look for b1
    while (a0 < width) {
      while (ai < curCount && cur[ai]! <= a0) ai++;
      const a1 = cur[ai]!;
      // b1: first change on the reference row right of a0 whose new colour is opposite to a0's
      // colour; changes at even indexes turn black, odd ones turn white.
      while (bi < refCount && (ref[bi]! <= a0 || (bi & 1) !== colour)) bi++;
      const b1 = ref[bi]!;
      const b2 = ref[bi + 1]!;
      if (b2 < a1) {
        put(out, mode.pass);
        a0 = b2;
      } else if (a1 - b1 <= 3 && b1 - a1 <= 3) {
        put(out, mode.vertical[a1 - b1 + 3]!);
        a0 = a1;
        colour = colour === 0 ? 1 : 0;
      } else {
        const a2 = cur[ai + 1]!;
        put(out, mode.horizontal);
        putRun(out, colour, a1 - Math.max(a0, 0));
        putRun(out, colour === 0 ? 1 : 0, a2 - a1);
        a0 = a2;
      }
      // b1 moves right with a0, but may sit one change to the left of where it stopped.
      if (bi > 0) bi--;
    }
    [ref, cur] = [cur, ref];
    refCount = curCount;
  }
  put(out, eol);
  put(out, eol);
  return out.finish();
}
