// Reading PDFs the officer chose: checking one before it is kept, and joining a component's PDFs
// (scanned pages and chosen files, in the officer's order) into the component's single PDF.
// pdf-lib does the reading: a PDF's structure (cross-reference streams, object streams, updates
// appended over the years) is a parser's whole job, and our own pdf-writer.ts only writes. It is
// loaded on first use, so a desk that never chooses a PDF never downloads it.

export type PdfCheck = { ok: true; pages: number } | { ok: false; problem: 'corrupt' | 'locked'; detail?: string };

const loadLibrary = () => import('pdf-lib');

/** Whether `bytes` is a PDF a reader can open without a password, with at least one page. */
export async function checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
  const { PDFDocument } = await loadLibrary();
  try {
    // throwOnInvalidObject: a file whose objects do not parse is damaged, whatever its header says.
    // Encryption is asked about rather than thrown, so that it is told apart from damage.
    const document = await PDFDocument.load(bytes, { throwOnInvalidObject: true, ignoreEncryption: true, updateMetadata: false });
    if (document.isEncrypted) return { ok: false, problem: 'locked' };
    const pages = document.getPageCount();
    return pages > 0 ? { ok: true, pages } : { ok: false, problem: 'corrupt', detail: 'no pages' };
  } catch (error) {
    return { ok: false, problem: 'corrupt', detail: String(error) };
  }
}

export interface JoinInfo {
  title: string;
  createdAt: Date;
}

/**
 * One PDF holding every page of `parts`, in order. Pages are copied as they are (their content
 * and images are not re-encoded), so a chosen PDF's pages keep their quality and signatures' look.
 */
export async function joinPdfs(parts: readonly Uint8Array[], { title, createdAt }: JoinInfo): Promise<{ bytes: Uint8Array; pages: number }> {
  const { PDFDocument } = await loadLibrary();
  const joined = await PDFDocument.create({ updateMetadata: false });
  for (const part of parts) {
    const source = await PDFDocument.load(part, { throwOnInvalidObject: true, updateMetadata: false });
    const pages = await joined.copyPages(source, source.getPageIndices());
    for (const page of pages) joined.addPage(page);
  }
  joined.setTitle(title);
  joined.setProducer('Motcua');
  joined.setCreator('Motcua');
  joined.setCreationDate(createdAt);
  joined.setModificationDate(createdAt);
  return { bytes: await joined.save(), pages: joined.getPageCount() };
}
