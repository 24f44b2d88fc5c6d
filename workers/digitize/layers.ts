// Splits a colour page into layers that together cost little: the text as the 1-bit page (crisp at
// full resolution, black ink only) and, at a lower resolution, pictures of only the coloured parts
// (seal, coloured signature, photo), each cropped to its area with the paper in it white. Even white,
// a JPEG costs about 6 bits per 8×8 block, so a whole-page colour layer would cost 15 KB of nothing.
// Pure: the JPEGs are encoded by the worker.
import type { BilevelImage } from './g4-encode';
import { rgbaWords } from './grey';
import type { RgbaImage } from './image';

export interface ColourPatch {
  x: number;
  y: number;
  image: RgbaImage;
}

export interface ColourLayers {
  /** The text to paint black: the 1-bit page without the coloured ink. */
  text: BilevelImage;
  /** The coloured areas at 1/`factor` of the page's resolution, placed at x, y in those pixels. */
  colour: ColourPatch[];
  factor: number;
  /** Share of the page kept in colour. */
  colourShare: number;
}

/** Side of the blocks in which colour is looked for, in page pixels (2 mm at 200 dpi). */
const BLOCK = 16;
/** A pixel is coloured ink when its channels differ by this much (on a white-balanced page). */
const CHROMA = 40;
/** Coloured pixels a block needs to count: a few stray pixels of noise or a colour fringe are not. */
const BLOCK_PIXELS = 6;
/** In colour, ink darker than this stays text (black print crossing a seal), lighter goes to colour. */
const BLACK = 110;
/** A block this full of non-paper is a picture: no text is drawn over it. */
const PICTURE = 0.85;
/** Share of mid-tone pixels that, in a full block, make a grey picture. */
const GREY_PICTURE = 0.4;
/** More separate areas than this are joined into one: each picture has its own headers. */
const MAX_PATCHES = 6;

const lumaOf = (d: Uint8ClampedArray | Uint8Array, p: number) => (77 * d[p]! + 150 * d[p + 1]! + 29 * d[p + 2]!) >> 8;
function chromaOf(d: Uint8ClampedArray | Uint8Array, p: number): number {
  const r = d[p]!;
  const g = d[p + 1]!;
  const b = d[p + 2]!;
  // Not Math.max/Math.min over three: several times slower per pixel.
  const max = r > g ? (r > b ? r : b) : g > b ? g : b;
  const min = r < g ? (r < b ? r : b) : g < b ? g : b;
  return max - min;
}

/**
 * `page` is the flattened, white-balanced colour page and `bilevel` its 1-bit page (same size).
 * `factor` 2 gives a colour layer at half the resolution (100 dpi for a 200 dpi page).
 */
export function splitColourLayers(page: RgbaImage, bilevel: BilevelImage, factor = 2): ColourLayers {
  const { width, height, data } = page;
  const bw = Math.ceil(width / BLOCK);
  const bh = Math.ceil(height / BLOCK);
  const coloured = new Uint16Array(bw * bh);
  const filled = new Uint16Array(bw * bh);
  const midtones = new Uint16Array(bw * bh);
  // Block by block along each row, so the block's index is not worked out per pixel (a colour page
  // is 4 million pixels), and whether a pixel is chromatic is not stored: the text pass below asks
  // again for the few ink pixels inside colour. Each pixel is read as one word where the page allows.
  const words = rgbaWords(page);
  for (let y = 0; y < height; y++) {
    const row = ((y / BLOCK) | 0) * bw;
    for (let bx = 0, x = 0, p = y * width * 4; bx < bw; bx++) {
      const block = row + bx;
      let c = 0;
      let f = 0;
      let m = 0;
      const end = Math.min(width, x + BLOCK);
      if (words) {
        for (let i = y * width + x; x < end; x++, i++) {
          const w = words[i]!;
          // Paper: every channel 224 or more, so neither chromatic (they differ by under 32) nor
          // below 200 in luma; it counts for nothing, and most of a page is paper.
          if ((w & 0xe0e0e0) === 0xe0e0e0) continue;
          const r = w & 255;
          const g = (w >>> 8) & 255;
          const b = (w >>> 16) & 255;
          const max = r > g ? (r > b ? r : b) : g > b ? g : b;
          const min = r < g ? (r < b ? r : b) : g < b ? g : b;
          const chromatic = max - min >= CHROMA;
          const luma = (77 * r + 150 * g + 29 * b) >> 8;
          if (chromatic) c++;
          if (chromatic || luma < 200) f++;
          if (luma >= 70 && luma < 200) m++;
        }
      } else {
        for (; x < end; x++, p += 4) {
          const chromatic = chromaOf(data, p) >= CHROMA;
          const luma = lumaOf(data, p);
          if (chromatic) c++;
          if (chromatic || luma < 200) f++;
          if (luma >= 70 && luma < 200) m++;
        }
      }
      coloured[block]! += c;
      filled[block]! += f;
      midtones[block]! += m;
    }
  }
  // Colour blocks, widened by one block all round so a stroke's pale edge is not cut off.
  // Colour, or a grey picture: blocks full of mid-tones, nine together (6 mm square), which bold
  // print blurred by the lens is not. The outermost ring of blocks is left out: a sliver of desk
  // along the page's edge is no colour.
  const grey = new Uint8Array(bw * bh);
  for (let b = 0; b < grey.length; b++) grey[b] = filled[b]! >= PICTURE * BLOCK * BLOCK && midtones[b]! >= GREY_PICTURE * BLOCK * BLOCK ? 1 : 0;
  const seed = new Uint8Array(bw * bh);
  for (let by = 1; by < bh - 1; by++) {
    for (let bx = 1; bx < bw - 1; bx++) {
      const b = by * bw + bx;
      let picture = 1;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) picture &= grey[b + dy * bw + dx]!;
      seed[b] = coloured[b]! >= BLOCK_PIXELS || picture ? 1 : 0;
    }
  }
  // A picture's dark or white parts (hair, a jacket) have no colour: full blocks touching colour
  // join it, block by block, so the whole photo stays a picture and none of it goes to the text.
  const full = (b: number) => filled[b]! >= PICTURE * Math.min(BLOCK, width - (b % bw) * BLOCK) * Math.min(BLOCK, height - ((b / bw) | 0) * BLOCK);
  const queue: number[] = [];
  for (let b = 0; b < seed.length; b++) if (seed[b]) queue.push(b);
  while (queue.length > 0) {
    const b = queue.pop()!;
    const bx = b % bw;
    for (const n of [bx > 0 ? b - 1 : -1, bx < bw - 1 ? b + 1 : -1, b - bw, b + bw]) {
      if (n < 0 || n >= seed.length || seed[n] || !full(n)) continue;
      seed[n] = 1;
      queue.push(n);
    }
  }
  const region = new Uint8Array(bw * bh);
  const picture = new Uint8Array(bw * bh);
  let kept = 0;
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let near = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const x = bx + dx;
          const y = by + dy;
          if (x >= 0 && y >= 0 && x < bw && y < bh) near |= seed[y * bw + x]!;
        }
      const b = by * bw + bx;
      region[b] = near;
      kept += near;
    }
  }
  // Picture: blocks within two blocks (4 mm) of the inside of a photo (full blocks among full
  // blocks), where text is not drawn over; a seal's ring, however thick, is not full all round.
  const inside = new Uint8Array(bw * bh);
  for (let by = 1; by < bh - 1; by++) {
    for (let bx = 1; bx < bw - 1; bx++) {
      const b = by * bw + bx;
      if (!region[b] || !full(b)) continue;
      let around = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) around += full(b + dy * bw + dx) ? 1 : 0;
      inside[b] = around >= 7 ? 1 : 0;
    }
  }
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const b = by * bw + bx;
      if (!region[b]) continue;
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++) {
          const x = bx + dx;
          const y = by + dy;
          if (x >= 0 && y >= 0 && x < bw && y < bh && inside[y * bw + x]) picture[b] = 1;
        }
    }
  }
  // The text: all the 1-bit ink outside colour; inside, only dark ink that is not coloured.
  const text = new Uint8Array(bilevel.data);
  // Four paper pixels at a time (a new array is aligned): most of the page has no ink to look at.
  const inkWords = new Uint32Array(text.buffer, 0, text.length >> 2);
  for (let y = 0; y < height; y++) {
    const row = ((y / BLOCK) | 0) * bw;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if ((i & 3) === 0 && x + 4 <= width && inkWords[i >> 2] === 0) {
        x += 3;
        i += 3;
        continue;
      }
      if (!text[i]) continue;
      const block = row + ((x / BLOCK) | 0);
      if (!region[block]) continue;
      if (picture[block] || chromaOf(data, i * 4) >= CHROMA || lumaOf(data, i * 4) > BLACK) text[i] = 0;
    }
  }
  const colour = areas(region, bw, bh).map((box) => patch(page, region, bw, box, factor));
  return { text: { width, height, data: text }, colour, factor, colourShare: kept / region.length };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Bounding boxes (in blocks, end exclusive) of the connected colour areas, overlapping ones joined. */
function areas(region: Uint8Array, bw: number, bh: number): Box[] {
  const seen = new Uint8Array(region.length);
  let boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < region.length; start++) {
    if (!region[start] || seen[start]) continue;
    const box = { x0: bw, y0: bh, x1: 0, y1: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const b = stack.pop()!;
      const bx = b % bw;
      const by = (b / bw) | 0;
      box.x0 = Math.min(box.x0, bx);
      box.y0 = Math.min(box.y0, by);
      box.x1 = Math.max(box.x1, bx + 1);
      box.y1 = Math.max(box.y1, by + 1);
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const x = bx + dx;
          const y = by + dy;
          const n = y * bw + x;
          if (x >= 0 && y >= 0 && x < bw && y < bh && region[n] && !seen[n]) {
            seen[n] = 1;
            stack.push(n);
          }
        }
    }
    boxes.push(box);
  }
  // Boxes that overlap are joined (a signature's box inside a seal's), until none do.
  for (let joined = true; joined;) {
    joined = false;
    for (let i = 0; i < boxes.length && !joined; i++) {
      for (let j = i + 1; j < boxes.length && !joined; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) {
          boxes[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
          boxes.splice(j, 1);
          joined = true;
        }
      }
    }
  }
  if (boxes.length > MAX_PATCHES) {
    boxes = [boxes.reduce((a, b) => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }))];
  }
  return boxes;
}

/**
 * The page inside `box` at 1/`factor` resolution, by averaging: colour where the block has colour,
 * white elsewhere; near-white paper is made white too, so the JPEG spends nothing on paper grain.
 */
function patch(page: RgbaImage, region: Uint8Array, bw: number, box: Box, factor: number): ColourPatch {
  const { width, height, data } = page;
  const left = box.x0 * BLOCK;
  const top = box.y0 * BLOCK;
  const right = Math.min(width, box.x1 * BLOCK);
  const bottom = Math.min(height, box.y1 * BLOCK);
  const cw = Math.ceil((right - left) / factor);
  const ch = Math.ceil((bottom - top) / factor);
  const out = new Uint8ClampedArray(cw * ch * 4).fill(255);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const px = left + x * factor;
      const py = top + y * factor;
      if (!region[((py / BLOCK) | 0) * bw + ((px / BLOCK) | 0)]) continue;
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let dy = 0; dy < factor && py + dy < bottom; dy++) {
        for (let dx = 0, p = ((py + dy) * width + px) * 4; dx < factor && px + dx < right; dx++, p += 4) {
          r += data[p]!;
          g += data[p + 1]!;
          b += data[p + 2]!;
          n++;
        }
      }
      r /= n;
      g /= n;
      b /= n;
      if (Math.min(r, g, b) > 215 && Math.max(r, g, b) - Math.min(r, g, b) < 20) continue;
      const o = (y * cw + x) * 4;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
    }
  }
  return { x: left / factor, y: top / factor, image: { width: cw, height: ch, data: out } };
}
