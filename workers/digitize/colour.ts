// Finds coloured ink on a flattened page: red seals (con dấu) and blue signatures, which a 1-bit
// page would lose, so the officer is offered the colour mode.
import type { RgbaImage } from './image';

export interface ColourInk {
  /** Share of the page's pixels that are seal red. */
  red: number;
  /** Share that are clearly blue or violet ink (a signed name). */
  blue: number;
}

/** `step` 2 samples every second pixel of every second row (a full-size page); 1 takes all (a half-size copy). */
export function colourInk(page: RgbaImage, step = 2): ColourInk {
  const { data } = page;
  let red = 0;
  let blue = 0;
  // A seal covers thousands of pixels: a sample suffices.
  let sampled = 0;
  for (let y = 0; y < page.height; y += step) {
    for (let x = 0, p = y * page.width * 4; x < page.width; x += step, p += 4 * step) {
      const r = data[p]!;
      const g = data[p + 1]!;
      const b = data[p + 2]!;
      sampled++;
      if (r > 110 && r - g > 55 && r - b > 45) red++;
      else if (b > 70 && b - r > 45 && b - g > 25) blue++;
    }
  }
  return { red: red / sampled, blue: blue / sampled };
}

/** A red seal of the smallest kind (a 3 cm ring) covers about 0.3 % of an A4 page; red pen marks far less. */
export const SEAL_SHARE = 0.0008;

export function hasSeal(ink: ColourInk): boolean {
  return ink.red >= SEAL_SHARE;
}
