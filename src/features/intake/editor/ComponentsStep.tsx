// Step 2: the procedure's papers, checked off as received. Each paper to be kept is digitized
// here (camera, camera app or chosen files, through the digitization worker): the draft holds its
// pages, and the dossier receives one PDF per paper, never the photos.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../domain/catalogue';
import type { ComponentEntry, IntakeDraftData, IntakeIssue, ReceivedAs } from '../../../domain/intake';
import {
  addDigitizedDocument,
  componentsInCapture,
  getDb,
  isQuotaError,
  listAttachments,
  listCitizenPapers,
  listDigitizedDocuments,
  LOOSE_PAPERS_PREFIX,
  type AttachmentRow,
} from '../../../db';
import { PageCapture, paperTitle, type ComponentSummary } from '../../../shared';
import { digitizer } from '../../../../workers/digitize.client';
import { outliner } from '../../../../workers/outline.client';
import { QuotaProblem } from '../QuotaProblem';

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
  // Papers with pages taken or photos still waiting stay open, even before their PDF exists.
  const inCapture = useLiveQuery(() => componentsInCapture(getDb(), draftId), [draftId]) ?? [];
  // Papers digitized earlier on the Số hóa page, to attach without taking them again.
  const loose = useLiveQuery(() => listDigitizedDocuments(getDb(), LOOSE_PAPERS_PREFIX), []) ?? [];
  // The citizen's papers from earlier dossiers, once the ID number is known (Decree 107/2021).
  const ids = [data.applicant.idNumber, data.ownerIsApplicant ? '' : data.owner.idNumber];
  const held = useLiveQuery(() => listCitizenPapers(getDb(), ids), [ids[0], ids[1]]) ?? [];

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
          const capturing = mine.length > 0 || inCapture.includes(index);
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
                  <input type="checkbox" checked={entry.received} aria-describedby={nameId} onChange={(e) => setEntry(index, { received: e.target.checked })} />
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
              {!component.presentOnly && (component.required || entry.conditionApplies || capturing) && (
                <PageCapture
                  digitizer={digitizer}
                  outliner={outliner}
                  ownerId={draftId}
                  componentIndex={index}
                  title={paperTitle(component.name)}
                  onChange={(summary) => captured(index, summary)}
                />
              )}
              {!component.presentOnly && (component.required || entry.conditionApplies || capturing) && (
                <PaperPicker
                  draftId={draftId}
                  componentIndex={index}
                  label={t('intake.components.fromCitizen')}
                  choices={held
                    .filter((p) => paperTitle(p.componentName) === paperTitle(component.name))
                    .map((p) => ({
                      key: `${p.dossierId}/${p.sha256}`,
                      label: t('intake.components.fromDossier', { name: p.name, code: p.dossierCode }),
                      sha256: p.sha256,
                      name: p.name,
                    }))}
                />
              )}
              {!component.presentOnly && (component.required || entry.conditionApplies || capturing) && (
                <PaperPicker
                  draftId={draftId}
                  componentIndex={index}
                  label={t('intake.components.fromDigitized')}
                  choices={loose.map((d) => ({ key: `${d.ownerId}/${d.componentIndex}`, label: d.name, sha256: d.sha256, name: d.name }))}
                />
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

interface PaperChoice {
  key: string;
  label: string;
  sha256: string;
  name: string;
}

/** Attaches a PDF the device already holds (digitized on the Số hóa page, or in the citizen's earlier dossier) to this paper, kept as it is. */
function PaperPicker({ draftId, componentIndex, label, choices }: { draftId: string; componentIndex: number; label: string; choices: PaperChoice[] }) {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const [full, setFull] = useState(false);
  if (choices.length === 0) return null;
  const pick = async (key: string) => {
    setError('');
    setFull(false);
    const choice = choices.find((c) => c.key === key);
    if (!choice) return;
    try {
      await addDigitizedDocument(getDb(), choice, draftId, componentIndex);
    } catch (e) {
      if (isQuotaError(e)) setFull(true);
      else setError(t('errors.generic', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <div className="field">
      <label>
        {label}
        <select value="" onChange={(e) => void pick(e.target.value)}>
          <option value="">{t('intake.components.pickNone')}</option>
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {full && <QuotaProblem />}
    </div>
  );
}
