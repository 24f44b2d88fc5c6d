// A stand-in JPEG for tests of containers (TIFF, PDF) that carry JPEG data without decoding it:
// a start of image, a baseline frame header (colour, 4:2:0), filler, an end of image.
export function fakeJpeg(width: number, height: number, fill = 0): Uint8Array {
  const sof = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...sof, ...new Array<number>(32).fill(fill), 0xff, 0xd9]);
}
