// A one-page bilevel TIFF with Group 4 compression: how a text page is stored on the device, a
// standard file any viewer opens, and from which the component's PDF takes the G4 data unchanged.
// Reads back only what writeG4Tiff writes (little-endian, one strip).

export interface G4Page {
  width: number;
  height: number;
  dpi: number;
  /** The Group 4 code stream. */
  data: Uint8Array;
}

const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;

export function writeG4Tiff(page: G4Page): Uint8Array {
  const entries: [tag: number, type: number, value: number][] = [];
  const ifdOffset = 8;
  const entryCount = 13;
  const ifdEnd = ifdOffset + 2 + entryCount * 12 + 4;
  const xRes = ifdEnd;
  const yRes = ifdEnd + 8;
  const dataOffset = ifdEnd + 16;
  entries.push(
    [256, LONG, page.width],
    [257, LONG, page.height],
    [258, SHORT, 1], // bits per sample
    [259, SHORT, 4], // compression: CCITT T.6
    [262, SHORT, 0], // photometric: white is zero
    [273, LONG, dataOffset], // strip offset
    [277, SHORT, 1], // samples per pixel
    [278, LONG, page.height], // rows per strip: one strip
    [279, LONG, page.data.length],
    [282, RATIONAL, xRes],
    [283, RATIONAL, yRes],
    [293, LONG, 0], // T6 options
    [296, SHORT, 2], // resolution unit: inch
  );
  const out = new Uint8Array(dataOffset + page.data.length);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, ifdOffset, true);
  view.setUint16(ifdOffset, entryCount, true);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdOffset + 2 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, 1, true);
    if (type === SHORT) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  view.setUint32(ifdEnd - 4, 0, true); // no next IFD
  for (const at of [xRes, yRes]) {
    view.setUint32(at, page.dpi, true);
    view.setUint32(at + 4, 1, true);
  }
  out.set(page.data, dataOffset);
  return out;
}

export class PageFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageFileError';
  }
}

export function readG4Tiff(bytes: Uint8Array): G4Page {
  const fail = (why: string): never => {
    throw new PageFileError(`Tệp trang không đúng định dạng TIFF G4 (${why}).`);
  };
  if (bytes.length < 8 || bytes[0] !== 0x49 || bytes[1] !== 0x49 || bytes[2] !== 42 || bytes[3] !== 0) fail('đầu tệp');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ifd = view.getUint32(4, true);
  if (ifd + 2 > bytes.length) fail('IFD');
  const count = view.getUint16(ifd, true);
  if (ifd + 2 + count * 12 > bytes.length) fail('IFD');
  const tags = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    const type = view.getUint16(at + 2, true);
    tags.set(view.getUint16(at, true), type === SHORT ? view.getUint16(at + 8, true) : view.getUint32(at + 8, true));
  }
  const tag = (t: number) => tags.get(t) ?? fail(`thiếu thẻ ${t}`);
  if (tag(259) !== 4 || tag(258) !== 1) fail('không phải G4 1-bit');
  const offset = tag(273);
  const length = tag(279);
  if (offset + length > bytes.length) fail('dữ liệu bị cắt');
  const resAt = tag(282);
  if (resAt + 8 > bytes.length) fail('độ phân giải');
  const dpi = Math.round(view.getUint32(resAt, true) / Math.max(1, view.getUint32(resAt + 4, true)));
  return { width: tag(256), height: tag(257), dpi, data: bytes.slice(offset, offset + length) };
}
