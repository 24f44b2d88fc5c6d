// Step 2: the procedure's papers, checked off as received. Each paper to be kept is digitized
// here (camera, camera app or chosen files, through the digitization worker): the draft holds its
// pages, and the dossier receives one PDF per paper, never the photos.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../domain/catalogue';
import type { ComponentEntry, IntakeDraftData, IntakeIssue, ReceivedAs } from '../../../domain/intake';
import { addDigitizedDocument, getDb, isQuotaError, listAttachments, listDigitizedDocuments, LOOSE_PAPERS_PREFIX, type AttachmentRow, type DigitizedDocument } from '../../../db';
import { PageCapture, paperTitle, type ComponentSummary } from '../../../shared';
import { digitizer } from '../../../../workers/digitize.client';

interface Props {
  draftId: string;
  data: IntakeDraftData;
  procedure: Procedure;
  issues: IntakeIssue[];
  update(change: (data: IntakeDraftData) => IntakeDraftData): void;
}

export function ComponentsStep({ draftId, data, procedure, issues, update }: Props) {
  const { t } = useTranslation();
  const attachments = useLiveQuery(() => listAttachments(getDb(), draftId), [draftId]) ?? [];
  // Papers digitized earlier on the Số hóa page, to attach without taking them again.
  const loose = useLiveQuery(() => listDigitizedDocuments(getDb(), LOOSE_PAPERS_PREFIX), []) ?? [];

  const setEntry = (index: number, patch: Partial<ComponentEntry>) =>
    update((d) => ({ ...d, components: d.components.map((c) => (c.index === index ? { ...c, ...patch } : c)) }));
  // A paper digitized is a paper received; unticking stays the officer's call.
  const captured = (index: number, summary: ComponentSummary) => {
    if (summary.files.length > 0 && !data.components[index]?.received) setEntry(index, { received: true });
  };

  return (
    <div className="components-step">
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
              </div>
              {!component.presentOnly && (component.required || entry.conditionApplies || mine.length > 0) && (
                <PageCapture
                  digitizer={digitizer}
                  ownerId={draftId}
                  componentIndex={index}
                  title={paperTitle(component.name)}
                  onChange={(summary) => captured(index, summary)}
                />
              )}
              {!component.presentOnly && (component.required || entry.conditionApplies || mine.length > 0) && loose.length > 0 && (
                <LoosePaperPicker draftId={draftId} componentIndex={index} documents={loose} />
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

/** Attaches a document digitized earlier on the Số hóa page to this paper, as its PDF kept as it is. */
function LoosePaperPicker({ draftId, componentIndex, documents }: { draftId: string; componentIndex: number; documents: DigitizedDocument[] }) {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const pick = async (key: string) => {
    setError('');
    const doc = documents.find((d) => `${d.ownerId}/${d.componentIndex}` === key);
    if (!doc) return;
    try {
      await addDigitizedDocument(getDb(), doc, draftId, componentIndex);
    } catch (e) {
      setError(isQuotaError(e) ? t('errors.quota') : t('errors.generic', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <div className="field">
      <label>
        {t('intake.components.fromDigitized')}
        <select value="" onChange={(e) => void pick(e.target.value)}>
          <option value="">{t('intake.components.fromDigitizedNone')}</option>
          {documents.map((d) => (
            <option key={`${d.ownerId}/${d.componentIndex}`} value={`${d.ownerId}/${d.componentIndex}`}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
