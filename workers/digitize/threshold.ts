// Otsu's global threshold: the grey level that best splits an image into two classes.
import type { GreyImage } from './image';

export function histogram(img: GreyImage): Uint32Array {
  const h = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i++) h[img.data[i]!]!++;
  return h;
}

/** The level t maximising the between-class variance; pixels > t are the bright class. */
export function otsuThreshold(hist: Uint32Array): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < 256; i++) {
    total += hist[i]!;
    sum += i * hist[i]!;
  }
  let best = 0;
  let bestVar = -1;
  let w0 = 0;
  let sum0 = 0;
  for (let t = 0; t < 256; t++) {
    w0 += hist[t]!;
    if (w0 === 0) continue;
    const w1 = total - w0;
    if (w1 === 0) break;
    sum0 += t * hist[t]!;
    const m0 = sum0 / w0;
    const m1 = (sum - sum0) / w1;
    const between = w0 * w1 * (m0 - m1) ** 2;
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best;
}
