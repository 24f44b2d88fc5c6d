// Finds coloured ink on a page: red seals (con dấu) and colour pictures, which a 1-bit page would
// lose, so the page is offered the colour mode. Blue or black pen alone stays a text page: it reads
// as well in 1-bit, and a page wrongly judged colour costs several times the bytes.
import type { RgbaImage } from './image';

export interface ColourInk {
  /** Share of the page's pixels that are seal red. */
  red: number;
  /** Share that are clearly blue or violet ink (a signed name, or a picture's sky or backdrop). */
  blue: number;
  /** Share of strongly coloured pixels of any hue (seal, pen, picture); faint seal red may fall outside it. */
  colourful: number;
}

/**
 * Gains that make the paper neutral: the mean colour of the brighter half of the sampled pixels
 * (paper covers most of a page) is taken as white, so a warm or cool light is no colour of ink.
 */
function paperGains(data: Uint8Array | Uint8ClampedArray, width: number, height: number, step: number): [number, number, number] {
  const lumas = new Uint32Array(256);
  const sample = (fn: (p: number) => void) => {
    for (let y = 0; y < height; y += step) for (let x = 0, p = y * width * 4; x < width; x += step, p += 4 * step) fn(p);
  };
  let n = 0;
  sample((p) => {
    lumas[(77 * data[p]! + 150 * data[p + 1]! + 29 * data[p + 2]!) >> 8]!++;
    n++;
  });
  let median = 0;
  for (let seen = 0; median < 255 && seen + lumas[median]! < n / 2; median++) seen += lumas[median]!;
  let r = 0;
  let g = 0;
  let b = 0;
  let m = 0;
  sample((p) => {
    if ((77 * data[p]! + 150 * data[p + 1]! + 29 * data[p + 2]!) >> 8 < median) return;
    r += data[p]!;
    g += data[p + 1]!;
    b += data[p + 2]!;
    m++;
  });
  if (m === 0) return [1, 1, 1];
  const top = Math.max(r, g, b) / m;
  // Relative gains only: brightness is not touched, only the paper's tint taken out.
  return [top / Math.max(1, r / m), top / Math.max(1, g / m), top / Math.max(1, b / m)];
}

/** `step` 2 samples every second pixel of every second row (a full-size page); 1 takes all (a small copy). */
export function colourInk(page: RgbaImage, step = 2): ColourInk {
  const { data, width, height } = page;
  const [gr, gg, gb] = paperGains(data, width, height, step);
  let red = 0;
  let blue = 0;
  let colourful = 0;
  // A seal covers thousands of pixels: a sample suffices.
  let sampled = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0, p = y * width * 4; x < width; x += step, p += 4 * step) {
      const r = data[p]! * gr;
      const g = data[p + 1]! * gg;
      const b = data[p + 2]! * gb;
      sampled++;
      // Not Math.max/Math.min over three: several times slower per pixel.
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const chroma = max - (r < g ? (r < b ? r : b) : g < b ? g : b);
      if (chroma < 24) continue;
      // Red: above both others, which stay close together (orange skin and pink are not seal red);
      // a faint or thin seal stroke blurred into the paper still leads by a clear margin.
      const lead = r - Math.max(g, b);
      if (lead > Math.max(24, 0.12 * r) && Math.abs(g - b) < 0.5 * lead) red++;
      if (chroma < 40 || chroma < 0.25 * max) continue;
      colourful++;
      if (b > 70 && b - r > 45 && b - g > 25) blue++;
    }
  }
  return { red: red / sampled, blue: blue / sampled, colourful: colourful / sampled };
}

/** A red seal of the smallest kind (a 3 cm ring) covers about 0.3 % of an A4 page; red pen marks far less. */
export const SEAL_SHARE = 0.0008;

/**
 * Coloured pixels beyond seal red that make a picture: a 3×4 cm photo is about 2 % of an A4 page;
 * a signature in blue pen, the most colour a text page carries, stays under 0.2 %.
 */
export const PICTURE_SHARE = 0.004;

export function hasSeal(ink: ColourInk): boolean {
  return ink.red >= SEAL_SHARE;
}

export function hasPicture(ink: ColourInk): boolean {
  return ink.colourful >= PICTURE_SHARE + ink.red;
}

/** Whether the page keeps its colour: a seal or a picture. Pen ink of any colour alone does not. */
export function needsColour(ink: ColourInk): boolean {
  return hasSeal(ink) || hasPicture(ink);
}
