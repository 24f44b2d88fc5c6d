// Giấy tờ kết quả: attach the result paper (checked by its bytes: PDF, JPEG or PNG) and open it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES } from '../../domain/files';
import { isQuotaError, RESULT_COMPONENT_INDEX, type AttachmentRow, type DossierRow } from '../../db';
import { formatBytes } from '../../shared';
import { sha256Hex } from '../../../workers/digest.client';
import { attachResult, DeskActionError } from './actions';
import { FileButton } from './FileViewer';

const ATTACHABLE = [4, 9, 10];

export function ResultPanel({ row, attachments }: { row: DossierRow; attachments: AttachmentRow[] }) {
  const { t, i18n } = useTranslation();
  const results = attachments.filter((a) => a.componentIndex === RESULT_COMPONENT_INDEX);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  if (!ATTACHABLE.includes(row.status) && results.length === 0) return null;

  async function attach(files: FileList | null) {
    setMessage(undefined);
    for (const file of Array.from(files ?? [])) {
      try {
        await attachResult(row.id, { blob: file, name: file.name }, (blob) => sha256Hex(blob));
        setMessage({ ok: true, text: t('dossiers.result.attached', { name: file.name }) });
      } catch (e) {
        const text =
          e instanceof DeskActionError && e.code.startsWith('file.')
            ? t('dossiers.result.badFile', { name: file.name, max: formatBytes(MAX_ATTACHMENT_BYTES, i18n.language) })
            : isQuotaError(e)
              ? t('errors.quota')
              : t('dossiers.actions.failed', { reason: e instanceof Error ? e.message : String(e) });
        setMessage({ ok: false, text });
      }
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
      {ATTACHABLE.includes(row.status) && (
        <label className="file-button no-print">
          {t('dossiers.result.attach')}
          <input
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => {
              void attach(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
