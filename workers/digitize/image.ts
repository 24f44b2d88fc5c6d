// Plain image types over typed arrays, shared by every step; coordinates are continuous, with
// pixel (i, j) covering [i, i+1) × [j, j+1), so its centre is at (i + 0.5, j + 0.5).

/** 8-bit grey, one byte per pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** 8-bit RGBA, as ImageData holds it. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

export function greyImage(width: number, height: number, data = new Uint8Array(width * height)): GreyImage {
  return { width, height, data };
}

export function rgbaImage(width: number, height: number, data: Uint8Array | Uint8ClampedArray = new Uint8ClampedArray(width * height * 4)): RgbaImage {
  return { width, height, data };
}

/**
 * Working buffers lent by the caller for one photo at a time, by use (the worker keeps them from
 * photo to photo, new memory being slow to first touch); steps make their own when none is lent.
 */
export interface Scratch {
  bytes(use: string, length: number): Uint8Array<ArrayBuffer>;
}
