// Capture of one dossier component's papers: camera or files in, each page processed in the
// worker (one at a time, so a budget tablet keeps its memory and its screen), good pages stored at
// once, doubtful ones held for the officer's decision, and the component's PDF kept up to date.
// Mounted by the Số hóa page, intake and the dossier desk with their own owner and component.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageMode, Quad } from '../../../domain/digitize';
import {
  addComponentPages,
  getDb,
  listComponentPages,
  removeComponentPage,
  reorderComponentPages,
  replaceComponentPage,
} from '../../../db';
import { formatBytes } from '../../format';
import { useUnsavedGuard } from '../../work-in-progress';
import { CameraPanel } from './CameraPanel';
import type { Outliner } from './use-live-outline';
import type { DigitizedPage, Digitizer } from './digitizer';
import { problemMessage, type Message } from './messages';
import { PageList } from './PageList';
import { PageReview, type ReviewItem } from './PageReview';
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
  file: File;
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
  const [progress, setProgress] = useState<{ name: string; done: number; total: number } | null>(null);
  const { deliverables, state: pdfState } = useComponentPdf(digitizer, ownerId, componentIndex, pages, title, onChange, progress !== null);
  const [problems, setProblems] = useState<Message[]>([]);
  const [attention, setAttention] = useState<SessionItem[]>([]);
  const [editing, setEditing] = useState<SessionItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [camera, setCamera] = useState(false);
  const session = useRef(new Map<string, SessionItem>()); // by stored page id
  const [editable, setEditable] = useState<ReadonlySet<string>>(new Set());
  const queue = useRef<File[]>([]);
  const running = useRef(false);
  const inputId = useId();
  const headingId = useId();
  useUnsavedGuard(`page-capture:${ownerId}:${componentIndex}`, progress !== null || attention.length > 0);

  // Photos' object URLs live as long as the capture does.
  useEffect(() => {
    const items = session.current;
    return () => items.forEach((item) => URL.revokeObjectURL(item.photoUrl));
  }, []);

  const store = useCallback(
    async (item: SessionItem) => {
      const { file: page, thumbnail } = item.result;
      const stored = { sha256: page.sha256, blob: page.blob, type: page.type, size: page.size, name: item.name, thumbnail };
      if (item.pageId) {
        await replaceComponentPage(db, item.pageId, stored);
      } else {
        [item.pageId] = await addComponentPages(db, ownerId, componentIndex, [stored]);
      }
      session.current.set(item.pageId!, item);
      setEditable(new Set(session.current.keys()));
    },
    [db, ownerId, componentIndex],
  );

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    let done = 0;
    try {
      while (queue.current.length > 0) {
        const file = queue.current.shift()!;
        setProgress({ name: file.name, done, total: done + queue.current.length + 1 });
        const size = formatBytes(file.size, i18n.language);
        try {
          const checked = await digitizer.inspect(file);
          if (!checked.ok) {
            setProblems((p) => [...p, problemMessage(checked, file.name, size)]);
          } else if (checked.kind === 'pdf') {
            const kept = await digitizer.keepAsIs(file);
            if (!kept.ok) setProblems((p) => [...p, problemMessage(kept, file.name, size)]);
            else if ('file' in kept) await addComponentPages(db, ownerId, componentIndex, [{ ...kept.file, name: file.name }]);
          } else {
            const result = await digitizer.digitize(file, { mode: 'auto' });
            if (!result.ok) {
              setProblems((p) => [...p, problemMessage(result, file.name, size)]);
            } else {
              markPage(result);
              const item: SessionItem = { key: crypto.randomUUID(), name: file.name, file, photoUrl: URL.createObjectURL(file), result };
              if (result.issues.length === 0) await store(item);
              else setAttention((a) => [...a, item]);
            }
          }
        } catch (error) {
          setProblems((p) => [...p, { key: 'digitize.problem.failed', params: { name: file.name, reason: String(error) } }]);
        }
        done++;
      }
    } finally {
      running.current = false;
      setProgress(null);
    }
  }, [db, digitizer, i18n.language, ownerId, componentIndex, store]);

  const add = (files: Iterable<File>) => {
    setProblems([]);
    queue.current.push(...files);
    void run();
  };
  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    add(Array.from(event.target.files ?? []));
    event.target.value = '';
  };

  const reviewing = editing ?? attention[0] ?? null;
  const finishReview = (item: SessionItem) => {
    if (editing?.key === item.key) setEditing(null);
    else setAttention((a) => a.filter((x) => x.key !== item.key));
  };
  const reprocess = async (item: SessionItem, corners: Quad, mode: PageMode) => {
    setBusy(true);
    try {
      const result = await digitizer.digitize(item.file, { corners, mode });
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
    } finally {
      setBusy(false);
    }
  };
  const discard = (item: SessionItem) => {
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
      setEditable(new Set(session.current.keys()));
    }
  };

  const pdf = deliverables?.find((d) => d.type === 'application/pdf');
  const pdfBlob = useLiveQuery(async () => (pdf ? (await db.files.get(pdf.sha256))?.blob : undefined), [db, pdf?.sha256]);
  const pdfUrl = useObjectUrl(pdfBlob);
  const scannedCount = pages?.filter((p) => p.type !== 'application/pdf').length ?? 0;

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
        <input id={inputId} className="visually-hidden" type="file" accept="image/jpeg,image/png,application/pdf" multiple onChange={onFiles} aria-describedby={`${inputId}-hint`} />
      </div>
      <p id={`${inputId}-hint`} className="hint">
        {t('digitize.capture.pickHint')}
      </p>
      {camera && <CameraPanel onPhoto={(photo) => add([photo])} onClose={() => setCamera(false)} outliner={outliner} />}
      <div role="status" className="capture-progress">
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
          onReprocess={(corners, mode) => void reprocess(reviewing, corners, mode)}
          onAccept={() => void accept(reviewing)}
          onDiscard={() => discard(reviewing)}
        />
      )}
      <h3>{t('digitize.pages.title', { count: pages?.length ?? 0 })}</h3>
      {pages && (
        <PageList
          pages={pages}
          editable={editable}
          onMove={(id, delta) => void move(id, delta)}
          onRemove={(id) => void remove(id)}
          onEdit={(id) => setEditing(session.current.get(id) ?? null)}
        />
      )}
      <div className="pdf-status" role="status">
        {pdfState.phase === 'building' && t('digitize.pdf.building')}
        {pdfState.phase === 'failed' && t('digitize.pdf.failed', { reason: pdfState.reason })}
        {pdfState.phase === 'idle' && pdf && pdfUrl && (
          <>
            {scannedCount > 0
              ? t('digitize.pdf.ready', { pages: scannedCount, size: formatBytes(pdf.size, i18n.language) })
              : t('digitize.pdf.kept', { size: formatBytes(pdf.size, i18n.language) })}{' '}
            <a href={pdfUrl} target="_blank" rel="noopener">
              {t('digitize.pdf.open')}
            </a>
          </>
        )}
      </div>
    </section>
  );
}
