// The intake of one dossier, step by step. Every change is saved on the device at once; the
// checks run in the validation worker as the officer types.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../domain/catalogue';
import { INTAKE_STEPS, type IntakeStep, type IntakeValidation } from '../../../domain/intake';
import { getDb, getDraft, listAttachments, readCommune } from '../../../db';
import { PageHeader, useHoldWork } from '../../../shared';
import { validateIntakeInWorker } from '../../../../workers/validation.client';
import { QuotaProblem } from '../QuotaProblem';
import { useDraft } from '../use-draft';
import { ApplicantStep } from './ApplicantStep';
import { ComponentsStep } from './ComponentsStep';
import { FeesStep } from './FeesStep';
import { ReviewStep } from './ReviewStep';

/** `variant` 'team': a community team's tablet files the draft online instead of receiving it (ReviewStep). */
export function DraftEditor({ id, variant = 'desk' }: { id: string; variant?: 'desk' | 'team' }) {
  const { t } = useTranslation();
  const { state, update, goTo, saveError, flushed } = useDraft(id);
  const procedure = useLiveQuery(async () => (await getDraft(getDb(), id))?.procedure as Procedure | undefined, [id]);
  const attachments = useLiveQuery(() => listAttachments(getDb(), id), [id]);
  const commune = useLiveQuery(() => readCommune(getDb()), []);
  const [validation, setValidation] = useState<IntakeValidation>();
  // A reload would resume the draft, but not while the officer is mid-way through it.
  useHoldWork(`intake.draft.${id}`, state.status === 'ready');

  const data = state.status === 'ready' ? state.data : undefined;
  useEffect(() => {
    if (!data || !procedure || !attachments) return;
    let live = true;
    const scanned = new Set(attachments.map((a) => a.componentIndex));
    void validateIntakeInWorker(data, procedure, scanned).then((result) => live && setValidation(result));
    return () => {
      live = false;
    };
  }, [data, procedure, attachments]);

  if (state.status === 'loading' || (procedure === undefined && state.status === 'ready')) return <p role="status">…</p>;
  if (state.status === 'missing' || !procedure) {
    return <PageHeader title={t('intake.page.title')} intro={t('intake.draft.notFound')} />;
  }
  const step = state.step;
  const index = INTAKE_STEPS.indexOf(step);
  const issues = validation ? [...validation.blocking, ...validation.warnings] : [];
  const stepProps = { data: state.data, update };

  return (
    <>
      <PageHeader title={procedure.name} intro={`${procedure.code} · ${procedure.field}`} />
      <nav aria-label={t('intake.steps.label')}>
        <ol className="steps">
          {INTAKE_STEPS.map((s: IntakeStep, i) => (
            <li key={s}>
              <button type="button" aria-current={s === step ? 'step' : undefined} onClick={() => goTo(s)}>
                {i + 1}. {t(`intake.steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <p className="muted">{t('intake.draft.savedAuto')}</p>
      {saveError === 'quota' && <QuotaProblem />}
      {saveError && saveError !== 'quota' && (
        <p className="error" role="alert">
          {t('intake.draft.saveFailed', { reason: saveError })}
        </p>
      )}
      <h2>{t(`intake.steps.${step}`)}</h2>
      {step === 'applicant' && <ApplicantStep {...stepProps} issues={issues} />}
      {step === 'components' && <ComponentsStep {...stepProps} draftId={id} procedure={procedure} issues={issues} />}
      {step === 'fees' && <FeesStep {...stepProps} procedure={procedure} />}
      {step === 'review' && (
        <ReviewStep {...stepProps} draftId={id} procedure={procedure} validation={validation} commune={commune} flushed={flushed} variant={variant} />
      )}
      <div className="actions step-actions">
        {index > 0 && (
          <button type="button" onClick={() => goTo(INTAKE_STEPS[index - 1]!)}>
            {t('intake.steps.back')}
          </button>
        )}
        {index < INTAKE_STEPS.length - 1 && (
          <button type="button" className="primary" onClick={() => goTo(INTAKE_STEPS[index + 1]!)}>
            {t('intake.steps.next')}
          </button>
        )}
      </div>
    </>
  );
}
