// Số hóa giấy tờ: a community team or the desk turns loose papers into one small PDF per set
// (pages cropped, flattened, cleaned; text pages 1-bit G4), kept on this device, listed below to
// open, continue or delete.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteComponent,
  getDb,
  listComponentDeliverables,
  listDigitizedDocuments,
  LOOSE_PAPERS_PREFIX,
  ownersWithQueuedPhotos,
  readFileBlob,
  type DigitizedDocument,
} from '../../db';
import { formatBytes, PageCapture, PageHeader } from '../../shared';
import { displayDateTime } from '../../domain/calendar';
import { digitizer } from '../../../workers/digitize.client';
import { outliner } from '../../../workers/outline.client';
import './digitize-page.css';

/** Loose papers digitized on this page are owned by `so-hoa:<uuid>`, one component each; intake lists them to attach. */
const OWNER_PREFIX = LOOSE_PAPERS_PREFIX;
const newOwner = () => `${OWNER_PREFIX}${crypto.randomUUID()}`;
const titleOf = (fileName: string) => fileName.replace(/\.pdf$/i, '');

function SavedDocument({ doc, onEdit, onRemove }: { doc: DigitizedDocument; onEdit(): void; onRemove(): void }) {
  const { t, i18n } = useTranslation();
  const name = titleOf(doc.name);
  const open = async () => {
    const blob = await readFileBlob(getDb(), doc.sha256);
    if (!blob) return;
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    window.open(url, '_blank', 'noopener');
    // The new tab has loaded the file by then; the URL is not needed for long.
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const time = displayDateTime(doc.createdAt);
  return (
    <li>
      <p>
        <strong>{name}</strong>
        <span>{t('digitize.desk.item', { size: formatBytes(doc.size, i18n.language), time })}</span>
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void open()} aria-label={t('digitize.desk.open', { name })}>
          {t('digitize.pdf.open')}
        </button>
        <button type="button" onClick={onEdit} aria-label={t('digitize.desk.edit', { name })}>
          ✎
        </button>
        <button type="button" onClick={onRemove} aria-label={t('digitize.desk.remove', { name })}>
          ✕
        </button>
      </div>
    </li>
  );
}

export function DigitizePage() {
  const { t } = useTranslation();
  const db = getDb();
  const [ownerId, setOwnerId] = useState(newOwner);
  const [title, setTitle] = useState('');
  const docs = useLiveQuery(() => listDigitizedDocuments(db, OWNER_PREFIX), [db]);
  const nameId = useId();
  const savedId = useId();
  const name = title.trim() || t('digitize.desk.defaultName');

  // A set whose photos were still being processed when the page was last closed opens again, and
  // its capture goes on with them by itself.
  useEffect(() => {
    let current = true;
    void (async () => {
      const [owner] = await ownersWithQueuedPhotos(db, OWNER_PREFIX);
      if (!owner || !current) return;
      const [pdf] = await listComponentDeliverables(db, owner, 0);
      if (!current) return;
      setOwnerId(owner);
      if (pdf) setTitle(titleOf(pdf.name));
    })();
    return () => {
      current = false;
    };
  }, [db]);

  const remove = async (doc: DigitizedDocument) => {
    if (!window.confirm(t('digitize.desk.removeConfirm', { name: titleOf(doc.name) }))) return;
    await deleteComponent(db, doc.ownerId, doc.componentIndex);
    if (doc.ownerId === ownerId) setOwnerId(newOwner());
  };

  return (
    <>
      <PageHeader title={t('digitize.page.title')} intro={t('digitize.page.intro')} />
      <div className="digitize-desk">
        <div className="card">
          <div className="field">
            <label htmlFor={nameId}>{t('digitize.desk.name')}</label>
            <input id={nameId} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('digitize.desk.nameHint')} />
          </div>
          <PageCapture key={ownerId} digitizer={digitizer} outliner={outliner} ownerId={ownerId} componentIndex={0} title={name} />
          <div className="button-row">
            <button
              type="button"
              onClick={() => {
                setOwnerId(newOwner());
                setTitle('');
              }}
            >
              {t('digitize.desk.startNew')}
            </button>
          </div>
        </div>
        <section className="card" aria-labelledby={savedId}>
          <h2 id={savedId}>{t('digitize.desk.savedTitle')}</h2>
          {docs && docs.length === 0 && <p>{t('digitize.desk.none')}</p>}
          {docs && docs.length > 0 && (
            <ul className="saved-documents">
              {docs.map((doc) => (
                <SavedDocument
                  key={`${doc.ownerId}/${doc.componentIndex}`}
                  doc={doc}
                  onEdit={() => {
                    setOwnerId(doc.ownerId);
                    setTitle(titleOf(doc.name));
                  }}
                  onRemove={() => void remove(doc)}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
