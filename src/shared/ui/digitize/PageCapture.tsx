// Capture of one dossier component's papers: camera or files in, each photo queued on the device
// first, then processed in the worker (one at a time, so a budget tablet keeps its memory and its
// screen), good pages stored at once, doubtful ones held for the officer's decision, and the
// component's PDF kept up to date. A batch cut short by a reload resumes when the capture opens again.
// Mounted by the Số hóa page, intake and the dossier desk with their own owner and component.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageMode, Quad } from '../../../domain/digitize';
import {
  dropQueuedPhoto,
  enqueueCapture,
  getDb,
  isQuotaError,
  listCaptureQueue,
  listComponentPages,
  pagesWithSource,
  readFileBlob,
  readPageSource,
  remakePage,
  removeComponentPage,
  reorderComponentPages,
  storeQueuedPage,
  type QueuedPhoto,
} from '../../../db';
import { formatBytes } from '../../lib/format';
import { useUnsavedGuard } from '../../lib/work-in-progress';
import { CameraPanel } from './CameraPanel';
import type { Outliner } from './use-live-outline';
import { drainCaptureQueue, exclusive, makingOf, pageOf } from './capture-queue-runner';
import type { DigitizedPage, Digitizer } from './digitizer';
import { problemMessage, type Message } from './messages';
import { PageList } from './PageList';
import { PageReview, type ReviewItem, type Turns } from './PageReview';
import { useComponentPdf, type ComponentSummary } from './use-component-pdf';
import { useObjectUrl } from './use-object-url';
import './digitize.css';

export interface PageCaptureProps {
  /** The worker client: pass `digitizer` from workers/digitize.client. */
  digitizer: Digitizer;
  /** Whose component this is: a draft, a dossier, or a loose set of papers. */
  ownerId: string;
  componentIndex: number;
  /** Names the component's PDF (file name and PDF title). */
  title: string;
  onChange?: (summary: ComponentSummary) => void;
  /** The live-outline worker client (`outliner` from workers/outline.client): outline and shooting by itself in the camera. */
  outliner?: Outliner;
}

/** A photo processed in this session, kept in memory so its page can be re-cropped. */
interface SessionItem extends ReviewItem {
  key: string;
  file: Blob;
  /** Its place in the capture queue, until its page is stored or it is discarded. */
  seq?: number;
  /** The stored page it became, once accepted. */
  pageId?: string;
}

function markPage(result: DigitizedPage) {
  // For the bench and DevTools: what the worker did for this page.
  performance.mark('motcua:digitize-page', {
    detail: { timings: result.timings, bytes: result.file.size, mode: result.mode, corners: result.corners, issues: result.issues },
  });
}

export function PageCapture({ digitizer, ownerId, componentIndex, title, onChange, outliner }: PageCaptureProps) {
  const { t, i18n } = useTranslation();
  const db = getDb();
  const pages = useLiveQuery(() => listComponentPages(db, ownerId, componentIndex), [db, ownerId, componentIndex]);
  // Pages of a draft whose photo the device keeps: they can be re-opened after a reload too.
  const kept = useLiveQuery(() => pagesWithSource(db, ownerId, componentIndex), [db, ownerId, componentIndex]);
  const [progress, setProgress] = useState<{ name: string; done: number; total: number } | null>(null);
  const { deliverables, state: pdfState } = useComponentPdf(digitizer, ownerId, componentIndex, pages, title, onChange, progress !== null);
  const [problems, setProblems] = useState<Message[]>([]);
  const [attention, setAttention] = useState<SessionItem[]>([]);
  const [editing, setEditing] = useState<SessionItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [camera, setCamera] = useState(false);
  const session = useRef(new Map<string, SessionItem>()); // by stored page id
  const [inSession, setInSession] = useState<ReadonlySet<string>>(new Set());
  const editable = new Set([...inSession, ...(kept ?? [])]);
  const [reopening, setReopening] = useState(false);
  const [resumed, setResumed] = useState(0);
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  const held = useRef(new Set<number>()); // queued photos waiting for the officer's review
  const originals = useRef(new Map<number, File>()); // photos taken in this session, by queue seq
  const language = useRef(i18n.language);
  useEffect(() => {
    language.current = i18n.language;
  });
  const inputId = useId();
  const headingId = useId();
  useUnsavedGuard(`page-capture:${ownerId}:${componentIndex}`, progress !== null || attention.length > 0);

  // Photos' object URLs live as long as the capture does.
  useEffect(() => {
    const items = session.current;
    return () => items.forEach((item) => URL.revokeObjectURL(item.photoUrl));
  }, []);

  const remember = useCallback((item: SessionItem) => {
    session.current.set(item.pageId!, item);
    setInSession(new Set(session.current.keys()));
  }, []);

  const store = useCallback(
    async (item: SessionItem) => {
      const stored = pageOf(item.result, item.name);
      if (item.pageId) {
        await remakePage(db, item.pageId, stored, makingOf(item.result));
      } else if (item.seq !== undefined) {
        // The page and its photo's leaving the queue, in one transaction.
        const id = await storeQueuedPage(db, item.seq, stored, makingOf(item.result));
        held.current.delete(item.seq);
        originals.current.delete(item.seq);
        if (!id) return; // the draft was received or discarded meanwhile
        item.pageId = id;
      }
      remember(item);
    },
    [db, remember],
  );

  const itemOf = useCallback((photo: QueuedPhoto, result: DigitizedPage): SessionItem => {
    const file = originals.current.get(photo.seq) ?? photo.blob;
    return { key: crypto.randomUUID(), name: photo.name, file, seq: photo.seq, photoUrl: URL.createObjectURL(file), result };
  }, []);

  /** Works through the queue; asked again while it runs, it goes round once more (photos added meanwhile). */
  const kick = useCallback(() => {
    again.current = true;
    if (running.current) return;
    running.current = true;
    void exclusive(`${ownerId}|${componentIndex}`, async () => {
      try {
        while (again.current && alive.current) {
          again.current = false;
          await drainCaptureQueue(db, digitizer, ownerId, componentIndex, {
            progress: setProgress,
            problem: (m) => setProblems((p) => [...p, m]),
            review: (photo, result) => {
              markPage(result);
              held.current.add(photo.seq);
              setAttention((a) => [...a, itemOf(photo, result)]);
            },
            stored: (photo, pageId, result) => {
              originals.current.delete(photo.seq);
              if (!result) return;
              markPage(result);
              remember({ ...itemOf(photo, result), seq: undefined, pageId });
            },
            held: () => held.current,
            alive: () => alive.current,
            formatSize: (bytes) => formatBytes(bytes, language.current),
          });
        }
      } catch (error) {
        // Storage failed (a full disk): the photo in hand stays queued for the next try.
        setProblems((p) => [...p, isQuotaError(error) ? { key: 'errors.quota', params: {} } : { key: 'errors.generic', params: { reason: String(error) } }]);
      } finally {
        running.current = false;
        setProgress(null);
        setResumed(0);
      }
    });
  }, [db, digitizer, ownerId, componentIndex, itemOf, remember]);

  // Photos left in the queue by an earlier visit (a reload, a crash, a closed tab) go on by themselves.
  useEffect(() => {
    alive.current = true;
    let current = true;
    void exclusive(`${ownerId}|${componentIndex}`, () => listCaptureQueue(db, ownerId, componentIndex)).then((left) => {
      if (!current || left.length === 0 || running.current) return;
      setResumed(left.length);
      kick();
    });
    return () => {
      current = false;
      alive.current = false;
    };
  }, [db, ownerId, componentIndex, kick]);

  const add = async (files: File[]) => {
    setProblems([]);
    if (files.length === 0) return;
    try {
      const seqs = await enqueueCapture(
        db,
        ownerId,
        componentIndex,
        files.map((file) => ({ blob: file, name: file.name })),
      );
      seqs.forEach((seq, i) => originals.current.set(seq, files[i]!));
    } catch (error) {
      setProblems([isQuotaError(error) ? { key: 'errors.quota', params: {} } : { key: 'errors.generic', params: { reason: String(error) } }]);
      return;
    }
    kick();
  };
  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    void add(Array.from(event.target.files ?? []));
    event.target.value = '';
  };

  const reviewing = editing ?? attention[0] ?? null;
  const finishReview = (item: SessionItem) => {
    if (editing?.key === item.key) setEditing(null);
    else setAttention((a) => a.filter((x) => x.key !== item.key));
  };
  const reprocess = async (item: SessionItem, corners: Quad, mode: PageMode, turns: Turns) => {
    setBusy(true);
    try {
      const result = await digitizer.digitize(item.file, { corners, mode, turns });
      if (!result.ok) {
        setProblems((p) => [...p, problemMessage(result, item.name, formatBytes(item.file.size, i18n.language))]);
        return;
      }
      markPage(result);
      const next = { ...item, result };
      if (editing?.key === item.key) setEditing(next);
      else setAttention((a) => a.map((x) => (x.key === item.key ? next : x)));
    } finally {
      setBusy(false);
    }
  };
  const accept = async (item: SessionItem) => {
    setBusy(true);
    try {
      await store(item);
      finishReview(item);
    } catch (error) {
      // Nothing was written (a full disk): the page stays under review for another try.
      setProblems((p) => [...p, isQuotaError(error) ? { key: 'errors.quota', params: {} } : { key: 'errors.generic', params: { reason: String(error) } }]);
    } finally {
      setBusy(false);
    }
  };
  const discard = async (item: SessionItem) => {
    if (!item.pageId && item.seq !== undefined) {
      await dropQueuedPhoto(db, item.seq);
      held.current.delete(item.seq);
      originals.current.delete(item.seq);
    }
    finishReview(item);
    if (!item.pageId) URL.revokeObjectURL(item.photoUrl);
  };
  const move = async (id: string, delta: -1 | 1) => {
    if (!pages) return;
    const ids = pages.map((p) => p.id);
    const from = ids.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    await reorderComponentPages(db, ownerId, componentIndex, ids);
  };
  const remove = async (id: string) => {
    await removeComponentPage(db, id);
    const item = session.current.get(id);
    if (item) {
      URL.revokeObjectURL(item.photoUrl);
      session.current.delete(id);
      setInSession(new Set(session.current.keys()));
    }
  };
  /** Opens a stored page for review: from this session's memory, or made again from the photo the device kept. */
  const reopen = async (id: string) => {
    const inMemory = session.current.get(id);
    if (inMemory) {
      setEditing(inMemory);
      return;
    }
    setReopening(true);
    try {
      const source = await readPageSource(db, id);
      if (!source) return;
      // The same corners, mode and turns make the same page again, ready to be changed.
      const result = await digitizer.digitize(source.blob, { corners: source.corners, mode: source.mode, turns: source.turns });
      if (!result.ok) {
        setProblems((p) => [...p, problemMessage(result, source.name, formatBytes(source.blob.size, i18n.language))]);
        return;
      }
      const item: SessionItem = {
        key: crypto.randomUUID(),
        name: source.name,
        file: source.blob,
        photoUrl: URL.createObjectURL(source.blob),
        result,
        pageId: id,
      };
      remember(item);
      setEditing(item);
    } catch (error) {
      setProblems((p) => [...p, { key: 'errors.generic', params: { reason: String(error) } }]);
    } finally {
      setReopening(false);
    }
  };

  const pdf = deliverables?.find((d) => d.type === 'application/pdf');
  const pdfBlob = useLiveQuery(async () => (pdf ? readFileBlob(db, pdf.sha256) : undefined), [db, pdf?.sha256]);
  const pdfUrl = useObjectUrl(pdfBlob);
  const scannedCount = pages?.filter((p) => p.type !== 'application/pdf').length ?? 0;
  const chosenCount = (pages?.length ?? 0) - scannedCount;
  // What the one PDF is made of: a chosen PDF kept as it is, scanned pages, or both joined.
  const pdfSummaryKey = scannedCount === 0 ? 'digitize.pdf.kept' : chosenCount === 0 ? 'digitize.pdf.ready' : 'digitize.pdf.joined';

  return (
    <section className="page-capture" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('digitize.capture.legend', { title })}</h2>
      <p>{t('digitize.capture.intro')}</p>
      <div className="button-row capture-inputs">
        <button type="button" onClick={() => setCamera(true)} disabled={camera}>
          {t('digitize.capture.camera')}
        </button>
        <label className="button">
          {t('digitize.capture.cameraApp')}
          <input className="visually-hidden" type="file" accept="image/*" capture="environment" onChange={onFiles} />
        </label>
        <label className="button" htmlFor={inputId}>
          {t('digitize.capture.pickFiles')}
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="image/jpeg,image/png,application/pdf"
          multiple
          onChange={onFiles}
          aria-describedby={`${inputId}-hint`}
        />
      </div>
      <p id={`${inputId}-hint`} className="hint">
        {t('digitize.capture.pickHint')}
      </p>
      {camera && <CameraPanel onPhoto={(photo) => void add([photo])} onClose={() => setCamera(false)} outliner={outliner} />}
      <div role="status" className="capture-progress">
        {resumed > 0 && <p>{t('digitize.capture.resumed', { count: resumed })}</p>}
        {reopening && <p>{t('digitize.pages.reopening')}</p>}
        {progress && t('digitize.capture.processing', { name: progress.name, done: progress.done + 1, total: progress.total })}
      </div>
      {problems.length > 0 && (
        <ul role="alert" className="warning">
          {problems.map((m, i) => (
            <li key={i}>{t(m.key, m.params)}</li>
          ))}
        </ul>
      )}
      {reviewing && (
        <PageReview
          key={reviewing.key}
          item={reviewing}
          busy={busy}
          onReprocess={(corners, mode, turns) => void reprocess(reviewing, corners, mode, turns)}
          onAccept={() => void accept(reviewing)}
          onDiscard={() => void discard(reviewing)}
        />
      )}
      <h3>{t('digitize.pages.title', { count: pages?.length ?? 0 })}</h3>
      {pages && (
        <PageList
          pages={pages}
          editable={editable}
          onMove={(id, delta) => void move(id, delta)}
          onRemove={(id) => void remove(id)}
          onEdit={(id) => void reopen(id)}
        />
      )}
      <div className="pdf-status" role="status">
        {pdfState.phase === 'building' && t('digitize.pdf.building')}
        {pdfState.phase === 'failed' && t('digitize.pdf.failed', { reason: pdfState.reason })}
        {pdfState.phase === 'idle' && pdf && pdfUrl && (
          <>
            {t(pdfSummaryKey, { pages: scannedCount, files: chosenCount, size: formatBytes(pdf.size, i18n.language) })}{' '}
            <a href={pdfUrl} target="_blank" rel="noopener">
              {t('digitize.pdf.open')}
            </a>
          </>
        )}
      </div>
    </section>
  );
}
