// Reads the size of a JPEG or PNG from its header, without decoding: a hostile or huge image is
// refused before it can take the device's memory. Also sets the dpi a JPEG declares (JFIF).

export interface ImageHeader {
  width: number;
  height: number;
  /** Colour components: 1 grey, 3 colour (YCbCr/RGB), 4 CMYK. PNG: 1, 3 or 4 (with alpha). */
  components: number;
}

/** Dimensions from a JPEG's start-of-frame segment, or undefined when there is none. */
export function jpegHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return undefined;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 10 > bytes.length) return undefined;
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      return { width, height, components: bytes[at + 9]! };
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan before any frame header
    at += 2 + length;
  }
  return undefined;
}

export function pngHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (bytes.length < 26 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const colourType = bytes[25]!;
  const components = colourType === 0 ? 1 : colourType === 4 ? 2 : colourType === 6 ? 4 : 3;
  return { width: view.getUint32(16), height: view.getUint32(20), components };
}

/**
 * Makes a JPEG declare its resolution (JFIF density, dots per inch), so viewers print it at the
 * page's true size. Returns the bytes unchanged when the file has no JFIF segment first.
 */
export function setJpegDpi(bytes: Uint8Array, dpi: number): Uint8Array {
  const isJfif = bytes[2] === 0xff && bytes[3] === 0xe0 && String.fromCharCode(...bytes.subarray(6, 11)) === 'JFIF\0';
  if (!isJfif) return bytes;
  const out = bytes.slice();
  out[13] = 1; // units: dots per inch
  out[14] = dpi >> 8;
  out[15] = dpi & 0xff;
  out[16] = dpi >> 8;
  out[17] = dpi & 0xff;
  return out;
}

/** The resolution a JPEG declares in its JFIF segment, in dots per inch, if it declares one. */
export function jpegDpi(bytes: Uint8Array): number | undefined {
  const isJfif = bytes[2] === 0xff && bytes[3] === 0xe0 && String.fromCharCode(...bytes.subarray(6, 11)) === 'JFIF\0';
  if (!isJfif) return undefined;
  const x = (bytes[14]! << 8) | bytes[15]!;
  if (bytes[13] === 1 && x > 0) return x;
  if (bytes[13] === 2 && x > 0) return Math.round(x * 2.54);
  return undefined;
}

/**
 * The first (luma) component's sampling factors in a JPEG's frame header, [horizontal, vertical]:
 * [2, 2] for the usual 4:2:0 colour JPEG. A TIFF holding the JPEG must declare them.
 */
export function jpegLumaSampling(bytes: Uint8Array): [number, number] | undefined {
  if (!jpegHeader(bytes)) return undefined;
  let at = 2;
  while (at + 12 <= bytes.length) {
    const marker = bytes[at + 1]!;
    if (bytes[at] !== 0xff) return undefined;
    if (marker === 0xff || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return [bytes[at + 11]! >> 4, bytes[at + 11]! & 15];
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
  }
  return undefined;
}
