// A small PDF 1.4 writer for scanned pages: 1-bit CCITT Group 4 (CCITTFaxDecode, K = -1), JPEG
// (DCTDecode), or layered (a page with a seal or a photo: JPEGs of the coloured areas at a lower
// resolution under the text as a G4 image mask), each page sized from its pixels and dpi.
// No maintained library writes G4 into a PDF, so the format is written here, byte by byte.

/** A JPEG of a coloured area, of any resolution, stretched over `place` (in the page's pixels). */
export interface JpegLayer {
  width: number;
  height: number;
  components: 1 | 3;
  data: Uint8Array;
  place: { x: number; y: number; width: number; height: number };
}

export type PdfPage =
  | { kind: 'g4'; width: number; height: number; dpi: number; data: Uint8Array }
  | { kind: 'jpeg'; width: number; height: number; dpi: number; components: 1 | 3; data: Uint8Array }
  /** The text as G4 (`data`, `width` × `height` at `dpi`) painted black over the coloured areas. */
  | { kind: 'layered'; width: number; height: number; dpi: number; data: Uint8Array; colour: JpegLayer[] };

export interface PdfInfo {
  title?: string;
  /** Written as the document's creation date; pass a fixed value for byte-identical output. */
  createdAt: Date;
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** A text string as UTF-16BE with a byte-order mark, in hex: safe for Vietnamese. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
}

/** Points (1/72 inch) for a pixel count at a resolution, rounded to 1/100 point. */
export function toPoints(pixels: number, dpi: number): number {
  return Math.round((pixels / dpi) * 72 * 100) / 100;
}

/** A document identifier from the content (FNV-1a in four lanes), so equal pages give equal files. */
function contentId(pages: PdfPage[]): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x6b43a9b5, 0x9e3779b9];
  const mix = (d: Uint8Array) => {
    const step = Math.max(1, d.length >> 16); // sample large images: an identifier, not a checksum
    for (let i = 0; i < d.length; i += step) {
      const lane = i & 3;
      lanes[lane] = Math.imul(lanes[lane]! ^ d[i]!, 0x01000193) >>> 0;
    }
    lanes[0] = Math.imul(lanes[0]! ^ d.length, 0x01000193) >>> 0;
  };
  for (const page of pages) {
    mix(page.data);
    if (page.kind === 'layered') for (const layer of page.colour) mix(layer.data);
  }
  return lanes.map((n) => n.toString(16).padStart(8, '0')).join('');
}

const g4Params = (width: number, height: number) => `/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns ${width} /Rows ${height} /BlackIs1 false >>`;
const jpegImage = (image: Omit<JpegLayer, 'place'>) =>
  `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /${image.components === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.data.length} >>`;

export function writePdf(pages: PdfPage[], info: PdfInfo): Uint8Array {
  if (pages.length === 0) throw new RangeError('Không có trang nào để tạo tệp PDF.');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const offsets: number[] = [];
  const emit = (part: Uint8Array | string) => {
    const bytes = typeof part === 'string' ? latin1(part) : part;
    chunks.push(bytes);
    size += bytes.length;
  };
  const object = (id: number, body: string, stream?: Uint8Array) => {
    offsets[id] = size;
    emit(`${id} 0 obj\n${body}\n`);
    if (stream) {
      emit('stream\n');
      emit(stream);
      emit('\nendstream\n');
    }
    emit('endobj\n');
  };

  // Objects: 1 catalog, 2 page tree, 3 info, then per page: page, contents, its image or images.
  const pageIds: number[] = [];
  let next = 4;
  for (const page of pages) {
    pageIds.push(next);
    next += page.kind === 'layered' ? 3 + page.colour.length : 3;
  }
  emit('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  const title = info.title ? ` /Title ${textString(info.title)}` : '';
  object(3, `<< /Producer (Motcua)${title} /CreationDate (${pdfDate(info.createdAt)}) >>`);
  pages.forEach((page, i) => {
    const id = pageIds[i]!;
    const w = toPoints(page.width, page.dpi);
    const h = toPoints(page.height, page.dpi);
    const place = (name: string) => `q ${w} 0 0 ${h} 0 0 cm /${name} Do Q`;
    if (page.kind === 'layered') {
      // The coloured areas first, then the text on top: an image mask paints the fill colour
      // (black) where its samples are 0 (Decode [0 1]), which is where G4 with BlackIs1 false has ink.
      const names = [...page.colour.map((_, k) => `/Im${k + 1} ${id + 3 + k} 0 R`), `/Im0 ${id + 2} 0 R`].join(' ');
      object(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << ${names} >> >> /Contents ${id + 1} 0 R >>`);
      const areas = page.colour.map(({ place: p }, k) => {
        const pw = toPoints(p.width, page.dpi);
        const ph = toPoints(p.height, page.dpi);
        const bottom = Math.round((h - toPoints(p.y, page.dpi) - ph) * 100) / 100;
        return `q ${pw} 0 0 ${ph} ${toPoints(p.x, page.dpi)} ${bottom} cm /Im${k + 1} Do Q\n`;
      });
      const content = latin1(`${areas.join('')}0 g ${place('Im0')}`);
      object(id + 1, `<< /Length ${content.length} >>`, content);
      object(
        id + 2,
        `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ImageMask true /Decode [0 1] /BitsPerComponent 1 ${g4Params(page.width, page.height)} /Length ${page.data.length} >>`,
        page.data,
      );
      page.colour.forEach((layer, k) => object(id + 3 + k, jpegImage(layer), layer.data));
      return;
    }
    object(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>`);
    const content = latin1(place('Im0'));
    object(id + 1, `<< /Length ${content.length} >>`, content);
    if (page.kind === 'g4') {
      object(
        id + 2,
        `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 1 ${g4Params(page.width, page.height)} /Length ${page.data.length} >>`,
        page.data,
      );
    } else {
      object(id + 2, jpegImage(page), page.data);
    }
  });

  const count = next;
  const xref = size;
  let table = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let id = 1; id < count; id++) table += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  emit(table);
  const id = contentId(pages);
  emit(`trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`);

  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
