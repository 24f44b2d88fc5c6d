// Keeps a component's deliverables in step with its pages: whenever the pages (or the title)
// change, its pages, scanned or chosen PDFs, are joined in order into the component's one PDF in
// the worker and stored in one transaction; a chosen PDF that is the component's only page is
// kept byte for byte. A rebuild overtaken by a newer change is dropped, and
// none starts while a batch of photos is still being processed: one PDF at the end, not one per page.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import {
  deliverablesAreCurrent,
  getDb,
  listComponentDeliverables,
  pagesKey,
  readFileBlob,
  saveComponentDeliverables,
  type NewStoredFile,
  type StoredPage,
} from '../../../db';
import type { Digitizer } from './digitizer';

export type PdfState = { phase: 'idle' } | { phase: 'building' } | { phase: 'failed'; reason: string };

export interface ComponentSummary {
  pages: number;
  files: { sha256: string; name: string; size: number; type: string }[];
}

const PDF_TYPE = 'application/pdf';

export function useComponentPdf(
  digitizer: Digitizer,
  ownerId: string,
  componentIndex: number,
  pages: StoredPage[] | undefined,
  title: string,
  onChange?: (summary: ComponentSummary) => void,
  /** True while more pages are on their way (a batch in the worker): the rebuild waits for them. */
  waiting = false,
) {
  const db = getDb();
  const deliverables = useLiveQuery(() => listComponentDeliverables(db, ownerId, componentIndex), [db, ownerId, componentIndex]);
  const [state, setState] = useState<PdfState>({ phase: 'idle' });
  const latest = useRef('');
  const notify = useRef(onChange);
  useEffect(() => {
    notify.current = onChange;
  });

  const key = pages ? `${pagesKey(pages)}` : undefined;
  const keptAlone = pages?.length === 1 && pages[0]?.type === PDF_TYPE ? pages[0] : undefined;
  const fileName = keptAlone ? keptAlone.name : `${title}.pdf`;
  const current =
    !key ||
    !pages ||
    !deliverables ||
    (pages.length === 0
      ? deliverables.length === 0
      : deliverablesAreCurrent(deliverables, key) && deliverables.length === 1 && deliverables[0]?.name === fileName);
  useEffect(() => {
    if (!key || !pages || !deliverables || waiting) return;
    const wanted = `${key}:${fileName}`;
    latest.current = wanted;
    if (current) return;
    const timer = window.setTimeout(async () => {
      setState({ phase: 'building' });
      try {
        const blobOf = async (p: StoredPage) => (await readFileBlob(db, p.sha256)) ?? new Blob([]);
        const files: NewStoredFile[] = [];
        if (keptAlone) {
          files.push({ sha256: keptAlone.sha256, blob: await blobOf(keptAlone), type: PDF_TYPE, size: keptAlone.size, name: keptAlone.name });
        } else if (pages.length > 0) {
          const sources = await Promise.all(pages.map(async (p) => ({ blob: await blobOf(p), type: p.type })));
          const pdf = await digitizer.assemblePdf(sources, title, new Date().toISOString());
          if (!pdf.ok) throw new Error(pdf.detail ?? pdf.problem);
          files.push({ ...pdf.file, name: fileName });
        }
        if (latest.current !== wanted) return; // the pages changed meanwhile: the newer rebuild wins
        await saveComponentDeliverables(db, ownerId, componentIndex, key, files);
        setState({ phase: 'idle' });
        notify.current?.({ pages: pages.length, files: files.map(({ sha256, name, size, type }) => ({ sha256, name, size, type })) });
      } catch (error) {
        if (latest.current === wanted) setState({ phase: 'failed', reason: String(error) });
      }
    }, 300);
    return () => window.clearTimeout(timer);
  }, [db, digitizer, ownerId, componentIndex, key, pages, deliverables, title, fileName, keptAlone, waiting, current]);

  // Until the PDF is made from the pages as they stand (a batch still running, or the rebuild's
  // short wait), the previous PDF is not offered as if it were the whole component.
  return { deliverables, state: !current && (waiting || state.phase === 'idle') ? ({ phase: 'building' } as const) : state };
}
