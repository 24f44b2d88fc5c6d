// A camera photo of one paper with a second one lying beside it, half out of the frame: the paper
// meant is on the left, the other on the right, tilted. Built from the same renderer and camera as
// photo-files.ts; the corners returned are the wanted paper's.
import type { GeneratedPhoto } from './photo-files';
import { renderDocument } from './synthetic-document';
import { photograph, plausibleCorners, type Pt } from './synthetic-photo';

type Quad = [Pt, Pt, Pt, Pt];

/** True when p lies inside the convex quad q (corners in order, either winding). */
function insideQuad(q: Quad, x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i]!;
    const b = q[(i + 1) % 4]!;
    const cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
    if (cross !== 0) {
      if (sign !== 0 && Math.sign(cross) !== sign) return false;
      sign = Math.sign(cross);
    }
  }
  return true;
}

/** A landscape photo (e.g. 4000 × 3000): the wanted paper fills `fill` of the height left of centre. */
export function photoWithSecondPaper(width: number, height: number, seed: number, fill = 0.9): GeneratedPhoto {
  const dpi = Math.min(400, Math.round(((height * fill) / 11.69) * 1.3));
  const shift = width * 0.17;
  const corners = plausibleCorners(width, height, seed, fill).map((p) => ({ x: p.x - shift, y: p.y })) as Quad;
  const camera = { width, height, shadow: 0.3, blur: 1, noise: 3 };
  const wanted = photograph(renderDocument({ dpi, seed }), { ...camera, corners, seed: seed + 1000 });

  // The other paper: as large, turned 25°, its centre near the right edge of the frame.
  const ph = height * fill;
  const pw = ph / Math.SQRT2;
  const angle = (25 * Math.PI) / 180;
  const cx = width * 0.94;
  const cy = height * 0.55;
  const other = [
    { x: -pw / 2, y: -ph / 2 },
    { x: pw / 2, y: -ph / 2 },
    { x: pw / 2, y: ph / 2 },
    { x: -pw / 2, y: ph / 2 },
  ].map((p) => ({ x: cx + p.x * Math.cos(angle) - p.y * Math.sin(angle), y: cy + p.x * Math.sin(angle) + p.y * Math.cos(angle) })) as Quad;
  const beside = photograph(renderDocument({ dpi, seed: seed + 7 }), { ...camera, corners: other, seed: seed + 2000 });

  const out = wanted.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!insideQuad(other, x + 0.5, y + 0.5)) continue;
      const o = (y * width + x) * 4;
      out[o] = beside.data[o]!;
      out[o + 1] = beside.data[o + 1]!;
      out[o + 2] = beside.data[o + 2]!;
    }
  }
  return { width, height, corners, rgba: out };
}
