// The PDF writer: a valid file structure (every cross-reference offset lands on its object), the
// page size from pixels and dpi, G4 data that decodes back to the page, JPEG pages, layered colour
// pages (coloured areas placed under the text as an image mask), and a title in Vietnamese.
import { describe, expect, it } from 'vitest';
import { encodeG4 } from './g4-encode';
import { toPoints, writePdf, type PdfPage } from './pdf-writer';
import { decodeG4 } from './testing/g4-decode';
import { fakeJpeg } from './testing/fake-jpeg';

const text = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

/** The objects of a PDF by number, found through its cross-reference table (as a reader does). */
function readObjects(pdf: Uint8Array): Map<number, { dict: string; stream?: Uint8Array }> {
  const all = text(pdf);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(all)![1]);
  const xref = all.slice(startxref);
  expect(xref.startsWith('xref\n0 ')).toBe(true);
  const count = Number(/^xref\n0 (\d+)\n/.exec(xref)![1]);
  const entries = xref.split('\n').slice(2, 2 + count);
  const objects = new Map<number, { dict: string; stream?: Uint8Array }>();
  entries.forEach((entry, id) => {
    expect(entry).toHaveLength(19); // 20 bytes with the newline
    if (id === 0) return;
    const offset = Number(entry.slice(0, 10));
    const head = all.slice(offset, offset + 20);
    expect(head.startsWith(`${id} 0 obj\n`), `object ${id} at ${offset}`).toBe(true);
    const body = all.slice(offset);
    const dict = body.slice(body.indexOf('<<'), body.indexOf('\n', body.indexOf('\n') + 1));
    const length = /\/Length (\d+)/.exec(dict);
    const streamAt = body.indexOf('stream\n');
    const endobj = body.indexOf('endobj');
    let stream: Uint8Array | undefined;
    if (length && streamAt >= 0 && streamAt < endobj) {
      const start = offset + streamAt + 'stream\n'.length;
      stream = pdf.slice(start, start + Number(length[1]));
      expect(all.slice(start + Number(length[1]), start + Number(length[1]) + 10)).toBe('\nendstream');
    }
    objects.set(id, { dict, stream });
  });
  return objects;
}

function checkerPage(width: number, height: number): { data: Uint8Array; width: number; height: number } {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = ((x >> 3) + (y >> 3)) & 1;
  return { width, height, data };
}

describe('writePdf', () => {
  const image = checkerPage(165, 234);
  const g4: PdfPage = { kind: 'g4', width: 165, height: 234, dpi: 20, data: encodeG4(image) };
  const jpeg: PdfPage = { kind: 'jpeg', width: 1654, height: 2339, dpi: 200, components: 3, data: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) };
  const pdf = writePdf([g4, jpeg], { title: 'Giấy khai sinh', createdAt: new Date('2026-03-04T05:06:07Z') });
  const all = text(pdf);
  const objects = readObjects(pdf);

  it('starts with a PDF header and a binary comment, ends with %%EOF', () => {
    expect(all.startsWith('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')).toBe(true);
    expect(all.endsWith('%%EOF\n')).toBe(true);
  });

  it('has a catalog, a page tree with both pages and an info dictionary', () => {
    expect(objects.get(1)!.dict).toContain('/Type /Catalog /Pages 2 0 R');
    expect(objects.get(2)!.dict).toContain('/Kids [4 0 R 7 0 R] /Count 2');
    expect(objects.get(3)!.dict).toContain('/CreationDate (D:20260304050607Z)');
    expect(all).toMatch(/trailer\n<< \/Size 10 \/Root 1 0 R \/Info 3 0 R \/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\] >>/);
  });

  it('writes the title as UTF-16 with a byte-order mark', () => {
    // "Gi" = 0047 0069, "ấ" = 1EA5.
    expect(objects.get(3)!.dict).toContain('/Title <FEFF004700691EA5');
  });

  it('sizes each page from its pixels and dpi (A4 at 200 dpi is 595.44 × 842.04 pt)', () => {
    expect(objects.get(4)!.dict).toContain(`/MediaBox [0 0 ${toPoints(165, 20)} ${toPoints(234, 20)}]`);
    expect(objects.get(7)!.dict).toContain('/MediaBox [0 0 595.44 842.04]');
    expect(text(objects.get(5)!.stream!)).toBe(`q ${toPoints(165, 20)} 0 0 ${toPoints(234, 20)} 0 0 cm /Im0 Do Q`);
  });

  it('stores the G4 page as a CCITTFaxDecode image that decodes back to the page', () => {
    const img = objects.get(6)!;
    expect(img.dict).toContain('/Subtype /Image /Width 165 /Height 234 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode');
    expect(img.dict).toContain('/DecodeParms << /K -1 /Columns 165 /Rows 234 /BlackIs1 false >>');
    expect(decodeG4(img.stream!, 165, 234).data).toEqual(image.data);
  });

  it('stores a colour page as DCTDecode RGB, bytes unchanged', () => {
    const img = objects.get(9)!;
    expect(img.dict).toContain('/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode');
    expect(img.stream).toEqual(jpeg.data);
  });

  it('gives the same bytes for the same pages and date, so a component PDF is stored once', () => {
    expect(writePdf([g4, jpeg], { title: 'Giấy khai sinh', createdAt: new Date('2026-03-04T05:06:07Z') })).toEqual(pdf);
  });

  it('refuses to write a PDF without pages', () => {
    expect(() => writePdf([], { createdAt: new Date() })).toThrow(RangeError);
  });
});

describe('writePdf with a layered colour page', () => {
  const image = checkerPage(200, 280);
  const seal = { width: 60, height: 40, components: 3 as const, data: fakeJpeg(60, 40, 1), place: { x: 60, y: 180, width: 120, height: 80 } };
  const photo = { width: 30, height: 40, components: 3 as const, data: fakeJpeg(30, 40, 2), place: { x: 40, y: 60, width: 60, height: 80 } };
  const layered: PdfPage = { kind: 'layered', width: 200, height: 280, dpi: 50, data: encodeG4(image), colour: [seal, photo] };
  const g4: PdfPage = { kind: 'g4', width: 165, height: 234, dpi: 20, data: encodeG4(checkerPage(165, 234)) };
  // A layered page between two text pages: the object numbers after it must still line up.
  const pdf = writePdf([g4, layered, g4], { createdAt: new Date('2026-03-04T05:06:07Z') });
  const objects = readObjects(pdf);

  it('numbers the objects through the layered page: page, contents, text, then each area', () => {
    expect(objects.get(2)!.dict).toContain('/Kids [4 0 R 7 0 R 12 0 R] /Count 3');
    expect(objects.size).toBe(14);
    expect(objects.get(7)!.dict).toContain('/XObject << /Im1 10 0 R /Im2 11 0 R /Im0 9 0 R >>');
  });

  it('paints the areas first, each on its place (PDF counts from the bottom), then the text in black', () => {
    const h = toPoints(280, 50);
    const content = text(objects.get(8)!.stream!).split('\n');
    expect(content).toEqual([
      `q ${toPoints(120, 50)} 0 0 ${toPoints(80, 50)} ${toPoints(60, 50)} ${Math.round((h - toPoints(180, 50) - toPoints(80, 50)) * 100) / 100} cm /Im1 Do Q`,
      `q ${toPoints(60, 50)} 0 0 ${toPoints(80, 50)} ${toPoints(40, 50)} ${Math.round((h - toPoints(60, 50) - toPoints(80, 50)) * 100) / 100} cm /Im2 Do Q`,
      `0 g q ${toPoints(200, 50)} 0 0 ${h} 0 0 cm /Im0 Do Q`,
    ]);
  });

  it('stores the text as a G4 image mask that paints where the ink is, and decodes back to the page', () => {
    const mask = objects.get(9)!;
    expect(mask.dict).toContain('/Width 200 /Height 280 /ImageMask true /Decode [0 1] /BitsPerComponent 1 /Filter /CCITTFaxDecode');
    expect(mask.dict).toContain('/BlackIs1 false');
    expect(mask.dict).not.toContain('/ColorSpace');
    expect(decodeG4(mask.stream!, 200, 280).data).toEqual(image.data);
  });

  it('stores each area as DCTDecode RGB at its own size, bytes unchanged', () => {
    expect(objects.get(10)!.dict).toContain('/Width 60 /Height 40 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode');
    expect(objects.get(10)!.stream).toEqual(seal.data);
    expect(objects.get(11)!.stream).toEqual(photo.data);
  });
});
