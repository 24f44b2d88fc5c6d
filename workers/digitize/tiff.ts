// The stored page file: a little-endian TIFF, a standard file any viewer opens, from which the
// component's PDF takes the image data unchanged. A text page is one bilevel Group 4 image. A page
// with colour (a seal, a photo) adds an image per coloured area after it: a JPEG at a lower
// resolution placed by XPosition/YPosition (a viewer shows them as further pictures; the PDF lays
// the text over them). Reads back only what writePageTiff writes.

export interface G4Page {
  width: number;
  height: number;
  dpi: number;
  /** The Group 4 code stream. */
  data: Uint8Array;
}

/** A coloured area: a baseline JPEG (JFIF, as the browser encodes it) placed on the page. */
export interface ColourLayerFile {
  /** Where its top-left corner lies on the page, in its own pixels (at its own dpi). */
  x: number;
  y: number;
  width: number;
  height: number;
  dpi: number;
  components: 1 | 3;
  /** The luma sampling factors of a colour JPEG ([2, 2] for 4:2:0), which the TIFF must repeat. */
  sampling?: [number, number];
  data: Uint8Array;
}

export interface PageImages {
  text: G4Page;
  colour: ColourLayerFile[];
}

const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const TYPE_BYTES: Record<number, number> = { [SHORT]: 2, [LONG]: 4, [RATIONAL]: 8 };

type Entry = [tag: number, type: number, values: number[]];

/** One image file directory with its out-of-line values, to be placed at `at`. */
function ifdBytes(entries: Entry[], at: number, next: number): Uint8Array {
  const head = 2 + entries.length * 12 + 4;
  const extra = entries.reduce((n, [, type, values]) => {
    const bytes = TYPE_BYTES[type]! * values.length * (type === RATIONAL ? 0.5 : 1);
    return bytes > 4 ? n + bytes : n;
  }, 0);
  const out = new Uint8Array(head + extra);
  const view = new DataView(out.buffer);
  view.setUint16(0, entries.length, true);
  let outside = head;
  entries.forEach(([tag, type, values], i) => {
    const e = 2 + i * 12;
    // A rational is given as [numerator, denominator]: one value of the type.
    const count = type === RATIONAL ? values.length / 2 : values.length;
    const bytes = TYPE_BYTES[type]! * count;
    view.setUint16(e, tag, true);
    view.setUint16(e + 2, type, true);
    view.setUint32(e + 4, count, true);
    let w = e + 8;
    if (bytes > 4) {
      view.setUint32(e + 8, at + outside, true);
      w = outside;
      outside += bytes;
    }
    for (const v of values) {
      if (type === SHORT) {
        view.setUint16(w, v, true);
        w += 2;
      } else {
        view.setUint32(w, v, true);
        w += 4;
      }
    }
  });
  view.setUint32(head - 4, next, true);
  return out;
}

function textEntries(page: G4Page, dataOffset: number): Entry[] {
  return [
    [256, LONG, [page.width]],
    [257, LONG, [page.height]],
    [258, SHORT, [1]], // bits per sample
    [259, SHORT, [4]], // compression: CCITT T.6
    [262, SHORT, [0]], // photometric: white is zero
    [273, LONG, [dataOffset]], // strip offset
    [277, SHORT, [1]], // samples per pixel
    [278, LONG, [page.height]], // rows per strip: one strip
    [279, LONG, [page.data.length]],
    [282, RATIONAL, [page.dpi, 1]],
    [283, RATIONAL, [page.dpi, 1]],
    [293, LONG, [0]], // T6 options
    [296, SHORT, [2]], // resolution unit: inch
  ];
}

function colourEntries(layer: ColourLayerFile, dataOffset: number): Entry[] {
  const colour = layer.components === 3;
  const entries: Entry[] = [
    [256, LONG, [layer.width]],
    [257, LONG, [layer.height]],
    [258, SHORT, colour ? [8, 8, 8] : [8]],
    [259, SHORT, [7]], // compression: JPEG, the strip a complete JPEG stream (TIFF Technical Note 2)
    [262, SHORT, [colour ? 6 : 1]], // photometric: YCbCr as JPEG codes colour, or grey
    [273, LONG, [dataOffset]],
    [277, SHORT, [layer.components]],
    [278, LONG, [layer.height]],
    [279, LONG, [layer.data.length]],
    [282, RATIONAL, [layer.dpi, 1]],
    [283, RATIONAL, [layer.dpi, 1]],
    [284, SHORT, [1]], // planar configuration: chunky
    [286, RATIONAL, [layer.x, layer.dpi]], // position on the page, in inches
    [287, RATIONAL, [layer.y, layer.dpi]],
    [296, SHORT, [2]],
  ];
  if (colour) entries.push([530, SHORT, layer.sampling ?? [2, 2]]); // YCbCr subsampling
  return entries;
}

export function writePageTiff(text: G4Page, colour: ColourLayerFile[] = []): Uint8Array {
  // Layout: header, the text's directory, each colour area's directory, then the image data.
  const sizeOf = (entries: Entry[]) => ifdBytes(entries, 0, 0).length;
  const ifdAt = [8, 8 + sizeOf(textEntries(text, 0))];
  for (const layer of colour) ifdAt.push(ifdAt[ifdAt.length - 1]! + sizeOf(colourEntries(layer, 0)));
  const dataAt = [ifdAt[ifdAt.length - 1]!];
  for (const data of [text.data, ...colour.map((l) => l.data)]) dataAt.push(dataAt[dataAt.length - 1]! + data.length);
  const nextOf = (i: number) => (i < colour.length ? ifdAt[i + 1]! : 0);
  const parts = [ifdBytes(textEntries(text, dataAt[0]!), ifdAt[0]!, nextOf(0))];
  colour.forEach((layer, i) => parts.push(ifdBytes(colourEntries(layer, dataAt[i + 1]!), ifdAt[i + 1]!, nextOf(i + 1))));
  const out = new Uint8Array(dataAt[dataAt.length - 1]!);
  out.set([0x49, 0x49, 42, 0]);
  new DataView(out.buffer).setUint32(4, ifdAt[0]!, true);
  parts.forEach((part, i) => out.set(part, ifdAt[i]!));
  [text.data, ...colour.map((l) => l.data)].forEach((data, i) => out.set(data, dataAt[i]!));
  return out;
}

/** A one-image text page. */
export function writeG4Tiff(page: G4Page): Uint8Array {
  return writePageTiff(page);
}

export class PageFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageFileError';
  }
}

export function readPageTiff(bytes: Uint8Array): PageImages {
  const fail = (why: string): never => {
    throw new PageFileError(`Tệp trang không đúng định dạng TIFF G4 (${why}).`);
  };
  if (bytes.length < 8 || bytes[0] !== 0x49 || bytes[1] !== 0x49 || bytes[2] !== 42 || bytes[3] !== 0) fail('đầu tệp');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  /** The directory at `ifd`: its single values by tag, and where the next one starts. */
  const directory = (ifd: number) => {
    if (ifd + 2 > bytes.length) fail('IFD');
    const count = view.getUint16(ifd, true);
    if (ifd + 2 + count * 12 + 4 > bytes.length) fail('IFD');
    const tags = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      const type = view.getUint16(at + 2, true);
      tags.set(view.getUint16(at, true), type === SHORT ? view.getUint16(at + 8, true) : view.getUint32(at + 8, true));
    }
    const tag = (t: number) => tags.get(t) ?? fail(`thiếu thẻ ${t}`);
    const strip = () => {
      const offset = tag(273);
      const length = tag(279);
      if (offset + length > bytes.length) fail('dữ liệu bị cắt');
      return bytes.slice(offset, offset + length);
    };
    const rational = (t: number) => {
      const at = tag(t);
      if (at + 8 > bytes.length) fail('độ phân giải');
      return view.getUint32(at, true) / Math.max(1, view.getUint32(at + 4, true));
    };
    const dpi = () => Math.round(rational(282));
    return { tag, strip, dpi, rational, next: view.getUint32(ifd + 2 + count * 12, true) };
  };
  const main = directory(view.getUint32(4, true));
  if (main.tag(259) !== 4 || main.tag(258) !== 1) fail('không phải G4 1-bit');
  const text = { width: main.tag(256), height: main.tag(257), dpi: main.dpi(), data: main.strip() };
  const colour: ColourLayerFile[] = [];
  const visited = new Set<number>();
  for (let next = main.next; next !== 0;) {
    // A directory seen before would loop for ever; a page has a handful of areas, not hundreds.
    if (visited.has(next) || visited.size >= 64) fail('IFD');
    visited.add(next);
    const layer = directory(next);
    const components = layer.tag(277);
    if (layer.tag(259) !== 7 || (components !== 1 && components !== 3)) fail('lớp màu không phải JPEG');
    const data = layer.strip();
    if (data[0] !== 0xff || data[1] !== 0xd8) fail('lớp màu không phải JPEG');
    const dpi = layer.dpi();
    colour.push({
      x: Math.round(layer.rational(286) * dpi),
      y: Math.round(layer.rational(287) * dpi),
      width: layer.tag(256),
      height: layer.tag(257),
      dpi,
      components: components as 1 | 3,
      data,
    });
    next = layer.next;
  }
  return { text, colour };
}

/** The text image of a page file (the whole of a text page). */
export function readG4Tiff(bytes: Uint8Array): G4Page {
  return readPageTiff(bytes).text;
}
