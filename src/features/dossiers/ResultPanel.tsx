// Giấy tờ kết quả: the result paper is captured like every paper (camera, camera app or chosen
// files, through the digitization worker) into one PDF, then attached to the dossier and opened.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayAttachResult } from '../../domain/dossier';
import { getDb, isQuotaError, listComponentDeliverables, RESULT_COMPONENT_INDEX, type AttachmentRow, type DossierRow } from '../../db';
import { errorText, formatBytes, PageCapture } from '../../shared';
import { digitizer } from '../../../workers/digitize.client';
import { outliner } from '../../../workers/outline.client';
import { attachCapturedResult } from './actions';
import { FileButton } from './FileViewer';

/** Where the result paper's pages wait until it is attached: not the dossier's own files. */
export const resultCaptureOwner = (dossierId: string) => `${dossierId}#ket-qua`;

export function ResultPanel({ row, attachments }: { row: DossierRow; attachments: AttachmentRow[] }) {
  const { t, i18n } = useTranslation();
  const results = attachments.filter((a) => a.componentIndex === RESULT_COMPONENT_INDEX);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const owner = resultCaptureOwner(row.id);
  // What the capture delivers now (its PDF): kept across reloads until it is attached.
  const captured = useLiveQuery(() => listComponentDeliverables(getDb(), owner, 0), [owner]);
  const [busy, setBusy] = useState(false);
  if (!mayAttachResult(row.status) && results.length === 0) return null;

  async function attach() {
    setMessage(undefined);
    setBusy(true);
    try {
      const names = captured?.map((f) => f.name).join(', ') ?? '';
      await attachCapturedResult(row.id, owner);
      setMessage({ ok: true, text: t('dossiers.result.attached', { name: names }) });
    } catch (e) {
      const text = isQuotaError(e) ? t('errors.quota') : t('dossiers.actions.failed', { reason: errorText(e, i18n) });
      setMessage({ ok: false, text });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="result-title">
      <h2 id="result-title">{t('dossiers.result.title')}</h2>
      {results.length === 0 ? (
        <p>{t('dossiers.result.none')}</p>
      ) : (
        <ul className="row-list">
          {results.map((a) => (
            <li key={a.id}>
              <span>
                {a.name} <span className="muted">({formatBytes(a.size, i18n.language)})</span>
              </span>
              <FileButton file={a} />
            </li>
          ))}
        </ul>
      )}
      {mayAttachResult(row.status) && (
        <div className="no-print">
          <PageCapture
            digitizer={digitizer}
            outliner={outliner}
            ownerId={owner}
            componentIndex={0}
            title={t('dossiers.result.fileTitle', { code: row.code })}
          />
          <div className="button-row">
            <button type="button" className="primary" disabled={busy || !captured || captured.length === 0} onClick={() => void attach()}>
              {t('dossiers.result.attach')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
