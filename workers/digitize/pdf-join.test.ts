// Chosen PDFs are opened before they are kept (damaged and password-protected ones are refused),
// and a component's scanned pages and chosen PDFs join into one PDF, pages in order, as they were.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { encryptedPdf, samplePdf } from '../../tests/support/sample-pdf';
import { encodeG4 } from './g4-encode';
import { checkPdf, joinPdfs } from './pdf-join';
import { writePdf, type PdfPage } from './pdf-writer';

/** A scanned text page of `width` × `height` pixels at 200 dpi, as our own writer makes it. */
function scanned(width: number, height: number): Uint8Array {
  const bits = new Uint8Array(width * height);
  bits.fill(1, width * 5, width * 8); // a black rule, so the G4 data is not empty
  const page: PdfPage = { kind: 'g4', width, height, dpi: 200, data: encodeG4({ width, height, data: bits }) };
  return writePdf([page], { title: 'scan', createdAt: new Date('2026-12-01T00:00:00Z') });
}

describe('checkPdf', () => {
  it('opens our own PDFs and other writers’ ones, and counts their pages', async () => {
    expect(await checkPdf(scanned(200, 300))).toEqual({ ok: true, pages: 1 });
    expect(await checkPdf(samplePdf('Văn bản ủy quyền', { pages: 3 }))).toEqual({ ok: true, pages: 3 });
  });

  it('refuses a header followed by junk, a cut-off file and an empty one as damaged', async () => {
    const whole = samplePdf('Giấy chứng sinh', { pages: 2, filler: '% nội dung\n'.repeat(50) });
    const junk = Buffer.from('%PDF-1.4\n% looks like a PDF\n' + '0 0 0 RG\n'.repeat(200) + '%%EOF\n');
    for (const bytes of [junk, whole.subarray(0, whole.length / 3), new Uint8Array(0)]) {
      const checked = await checkPdf(bytes);
      expect(checked.ok).toBe(false);
      expect(!checked.ok && checked.problem).toBe('corrupt');
    }
  });

  it('refuses a password-protected PDF as locked', async () => {
    expect(await checkPdf(encryptedPdf())).toEqual({ ok: false, problem: 'locked' });
  });
});

describe('joinPdfs', () => {
  it('keeps every page of every part, in order, with the title', async () => {
    // Different page sizes tell the parts apart: 1 scanned page, 2 chosen pages, 1 scanned page.
    const parts = [scanned(200, 300), samplePdf('Ủy quyền', { pages: 2 }), scanned(400, 240)];
    const joined = await joinPdfs(parts, { title: 'Giấy tờ tùy thân', createdAt: new Date('2026-12-05T01:00:00Z') });
    expect(joined.pages).toBe(4);
    const opened = await PDFDocument.load(joined.bytes);
    const sizes = opened
      .getPages()
      .map((page) => page.getSize())
      .map(({ width, height }) => [Math.round(width), Math.round(height)]);
    expect(sizes).toEqual([
      [72, 108],
      [595, 842],
      [595, 842],
      [144, 86],
    ]);
    expect(opened.getTitle()).toBe('Giấy tờ tùy thân');
    expect((await PDFDocument.load(parts[1]!)).getTitle()).toBe('Ủy quyền');
    // The scanned pages' G4 image data is carried over, not re-encoded.
    expect(Buffer.from(joined.bytes).toString('latin1')).toContain('/CCITTFaxDecode');
  });
});
