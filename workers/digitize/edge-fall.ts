// The page's edge across a line of the photo: the grey profile sampled along a normal, its steepest
// fall from bright paper to dark desk, and that fall's place to a sub-pixel. Shared by the finder's
// corner refinement and the live outline's tracker, which look for the same edge.
import type { Point } from '../../src/domain/digitize';
import { sampleGrey } from './grey';
import type { GreyImage } from './image';

const STEP = 0.5;

export interface EdgeFall {
  /** Grey values from -reach to +reach along the normal, every half pixel. */
  values: Float64Array;
  /** Index of the steepest fall (central difference), and that difference (negative). */
  index: number;
  slope: number;
  reach: number;
}

/** The steepest bright-to-dark fall along `n` through `p` within ±reach; undefined when the grey only rises. */
export function steepestFall(img: GreyImage, p: Point, n: Point, reach: number): EdgeFall | undefined {
  const count = Math.floor((2 * reach) / STEP) + 1;
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const s = -reach + i * STEP;
    values[i] = sampleGrey(img, p.x + n.x * s, p.y + n.y * s);
  }
  let index = -1;
  let slope = 0;
  for (let i = 1; i < count - 1; i++) {
    const d = values[i + 1]! - values[i - 1]!;
    if (d < slope) [slope, index] = [d, i];
  }
  return index < 0 ? undefined : { values, index, slope, reach };
}

/** Offset of the fall along the normal, refined to a sub-pixel by a parabola through the neighbouring slopes. */
export function fallOffset({ values, index, slope, reach }: EdgeFall): number {
  let offset = 0;
  if (index > 1 && index < values.length - 2) {
    const l = values[index]! - values[index - 2]!;
    const r = values[index + 2]! - values[index]!;
    const denom = l - 2 * slope + r;
    if (denom !== 0) offset = Math.max(-0.5, Math.min(0.5, (0.5 * (l - r)) / denom));
  }
  return -reach + (index + offset) * STEP;
}
