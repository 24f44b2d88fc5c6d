// Pure helpers of the corner editor: moving a corner within the photo, by keyboard steps or by a
// pointer position mapped from the displayed picture to photo pixels.
import type { Point, Quad } from '../../../domain/digitize';

export function clampPoint(p: Point, width: number, height: number): Point {
  return { x: Math.min(width, Math.max(0, p.x)), y: Math.min(height, Math.max(0, p.y)) };
}

export function moveCorner(quad: Quad, index: number, to: Point, width: number, height: number): Quad {
  const next = [...quad] as Quad;
  next[index] = clampPoint(to, width, height);
  return next;
}

/** A point on the displayed picture (client pixels within `box`) in photo pixels. */
export function toPhoto(
  clientX: number,
  clientY: number,
  box: { left: number; top: number; width: number; height: number },
  width: number,
  height: number,
): Point {
  return { x: ((clientX - box.left) / box.width) * width, y: ((clientY - box.top) / box.height) * height };
}

/** The arrow-key step: 0.5 % of the photo's longer side, or 0.1 % with Shift for fine work. */
export function keyStep(key: string, fine: boolean, width: number, height: number): Point | undefined {
  const step = Math.max(width, height) * (fine ? 0.001 : 0.005);
  switch (key) {
    case 'ArrowLeft':
      return { x: -step, y: 0 };
    case 'ArrowRight':
      return { x: step, y: 0 };
    case 'ArrowUp':
      return { x: 0, y: -step };
    case 'ArrowDown':
      return { x: 0, y: step };
    default:
      return undefined;
  }
}

export function sameQuad(a: Quad, b: Quad): boolean {
  return a.every((p, i) => Math.abs(p.x - b[i]!.x) < 0.5 && Math.abs(p.y - b[i]!.y) < 0.5);
}
