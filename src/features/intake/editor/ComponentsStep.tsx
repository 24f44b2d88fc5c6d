// Step 2: the procedure's papers, checked off as received, with the digitized copies attached.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../domain/catalogue';
import { checkAttachment, MAX_ATTACHMENT_BYTES } from '../../../domain/files';
import type { ComponentEntry, IntakeDraftData, IntakeIssue, ReceivedAs } from '../../../domain/intake';
import { attachFile, getDb, isQuotaError, listAttachments, removeAttachment, type AttachmentRow } from '../../../db';
import { formatBytes } from '../../../shared';
import { sha256Hex } from '../../../../workers/digest.client';

interface Props {
  draftId: string;
  data: IntakeDraftData;
  procedure: Procedure;
  issues: IntakeIssue[];
  update(change: (data: IntakeDraftData) => IntakeDraftData): void;
}

export function ComponentsStep({ draftId, data, procedure, issues, update }: Props) {
  const { t, i18n } = useTranslation();
  const attachments = useLiveQuery(() => listAttachments(getDb(), draftId), [draftId]) ?? [];
  const [fileError, setFileError] = useState('');

  const setEntry = (index: number, patch: Partial<ComponentEntry>) =>
    update((d) => ({ ...d, components: d.components.map((c) => (c.index === index ? { ...c, ...patch } : c)) }));

  async function attach(index: number, files: FileList | null) {
    setFileError('');
    for (const file of Array.from(files ?? [])) {
      const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
      const check = checkAttachment(head, file.size);
      if (!check.ok) {
        setFileError(t('intake.components.badFile', { name: file.name, max: formatBytes(MAX_ATTACHMENT_BYTES, i18n.language) }));
        continue;
      }
      try {
        const sha256 = await sha256Hex(file);
        await attachFile(getDb(), { id: crypto.randomUUID(), ownerId: draftId, componentIndex: index, sha256, name: file.name, type: check.mime, size: file.size }, file);
        setEntry(index, { received: true });
      } catch (error) {
        setFileError(isQuotaError(error) ? t('errors.quota') : t('errors.generic', { reason: String(error) }));
      }
    }
  }

  return (
    <div className="components-step">
      {fileError && (
        <p className="error" role="alert">
          {fileError}
        </p>
      )}
      <ol className="component-list" aria-label={t('intake.components.caption')}>
        {procedure.components.map((component, index) => {
          const entry = data.components[index];
          if (!entry) return null;
          const mine: AttachmentRow[] = attachments.filter((a) => a.componentIndex === index);
          const problem = issues.find((i) => i.componentIndex === index && i.code !== 'scanMissing');
          const nameId = `component-${index}-name`;
          return (
            <li key={index} className={problem ? 'component has-problem' : 'component'} aria-labelledby={nameId}>
              <p id={nameId} className="component-name">
                {component.name}
              </p>
              <p className="component-tags">
                {component.required ? t('intake.components.required') : t('intake.components.conditional', { condition: component.condition ?? '—' })}
                {component.presentOnly && ` · ${t('intake.components.presentOnly')}`}
              </p>
              {!component.required && (
                <label className="checkbox">
                  <input type="checkbox" checked={entry.conditionApplies} onChange={(e) => setEntry(index, { conditionApplies: e.target.checked })} />
                  {t('intake.components.conditionApplies')}
                </label>
              )}
              <div className="component-controls">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={entry.received}
                    aria-describedby={nameId}
                    onChange={(e) => setEntry(index, { received: e.target.checked })}
                  />
                  {t('intake.components.received')}
                </label>
                <label>
                  {t('intake.components.receivedAs')}
                  <select value={entry.receivedAs} aria-describedby={nameId} onChange={(e) => setEntry(index, { receivedAs: e.target.value as ReceivedAs })}>
                    <option value="original">{t('intake.components.original')}</option>
                    <option value="certifiedCopy">{t('intake.components.certifiedCopy')}</option>
                    <option value="photocopy">{t('intake.components.photocopy')}</option>
                  </select>
                </label>
                <label>
                  {t('intake.components.count')}
                  <input
                    type="number"
                    min={1}
                    max={99}
                    value={entry.count}
                    aria-describedby={nameId}
                    onChange={(e) => setEntry(index, { count: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
                  />
                </label>
                {!component.presentOnly && (
                  <label className="file-button">
                    {t('intake.components.attach', { name: component.name.slice(0, 40) })}
                    <input type="file" multiple accept="image/jpeg,image/png,application/pdf" onChange={(e) => void attach(index, e.target.files)} />
                  </label>
                )}
              </div>
              {mine.length > 0 && (
                <ul className="attachment-list">
                  {mine.map((a) => (
                    <li key={a.id}>
                      {a.name} ({formatBytes(a.size, i18n.language)}){' '}
                      <button type="button" onClick={() => void removeAttachment(getDb(), a.id)} aria-label={t('intake.components.removeFile', { name: a.name })}>
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {problem && <p className="field-error">{problem.message}</p>}
            </li>
          );
        })}
      </ol>
      <label className="narrow">
        {t('intake.components.sets')}
        <input type="number" min={1} max={20} value={data.sets} onChange={(e) => update((d) => ({ ...d, sets: Math.floor(Number(e.target.value) || 0) }))} />
      </label>
    </div>
  );
}
