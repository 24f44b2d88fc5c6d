// Where a page's pixels come from: the pipeline asks its photo for the page already flattened to
// the output size, so the worker can answer natively from the browser's bitmap while tests (and
// any caller holding plain pixels) use the script warp on an RGBA array.
import type { Homography } from './homography';
import type { GreyImage, RgbaImage } from './image';
import { warpGrey, warpRgba } from './warp';

export interface PhotoSource {
  width: number;
  height: number;
  /** The page cut out through `toPhoto` (output → photo), width×height, in colour. */
  warpRgba(toPhoto: Homography, width: number, height: number): RgbaImage;
  /** The same page as grey (BT.601 luma). */
  warpGrey(toPhoto: Homography, width: number, height: number): GreyImage;
}

/** A photo whose pixels are in memory, warped by script. */
export function pixelSource(photo: RgbaImage): PhotoSource {
  return {
    width: photo.width,
    height: photo.height,
    warpRgba: (toPhoto, width, height) => warpRgba(photo, toPhoto, width, height),
    warpGrey: (toPhoto, width, height) => warpGrey(photo, toPhoto, width, height),
  };
}
