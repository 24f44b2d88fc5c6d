// Real PDFs for tests that choose a PDF in the app: the app opens a chosen PDF before keeping it,
// so a header followed by junk is (rightly) refused. Written by hand, synchronously and always
// the same bytes for the same call, with a cross-reference table a reader can follow.

export interface SamplePdfOptions {
  /** A4 pages; each holds `filler` in its content stream. */
  pages?: number;
  /** Bytes in the first page's content stream (PDF comments, or any bytes: a stream is binary). */
  filler?: Uint8Array | string;
}

/** A PDF file from its objects' bodies (object n is objects[n - 1]) and its trailer's extra entries. */
function pdfFile(objects: (string | Buffer)[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(object), Buffer.from('\nendobj\n')]);
    parts.push(bytes);
    length += bytes.length;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(tail, 'latin1')]);
}

function stream(content: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]);
}

/** A valid PDF titled `title` (UTF-16 in the document information, as readers show Vietnamese). */
export function samplePdf(title: string, { pages = 1, filler = '' }: SamplePdfOptions = {}): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const titleHex = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(title, 'utf16le').swap16()]).toString('hex');
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    `<< /Title <${titleHex}> >>`,
  ];
  for (let i = 0; i < pages; i++) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents ${5 + 2 * i} 0 R >>`);
    const content = i === 0 && filler.length > 0 ? Buffer.from(filler) : Buffer.from(`% trang ${i + 1}\n`);
    objects.push(stream(content));
  }
  return pdfFile(objects, ' /Info 3 0 R');
}

/** A PDF that says it is encrypted (an /Encrypt entry in its trailer), as a password-protected file does. */
export function encryptedPdf(): Buffer {
  return pdfFile(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      '<< /Filter /Standard /V 2 /R 3 /Length 128 /P -44 /O <00> /U <00> >>',
    ],
    ' /Encrypt 4 0 R /ID [<01> <01>]',
  );
}
