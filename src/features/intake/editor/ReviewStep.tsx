// Step 4: the checks' verdict, the appointment, and the officer's decision: receive when
// complete; when not, ask for the missing papers (Mẫu 02) or refuse with a reason. On a community
// team's tablet (variant 'team', issue 15) the one decision is to file it online, complete.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Procedure } from '../../../domain/catalogue';
import { displayDateTime } from '../../../domain/calendar';
import { processingTimeOf, type IntakeDraftData, type IntakeValidation } from '../../../domain/intake';
import { isQuotaError } from '../../../db';
import type { CommuneInfo } from '../../../db';
import { errorText } from '../../../shared';
import { QuotaProblem } from '../QuotaProblem';
import { clockFor, IntakeError, receiveDraft, refuseDraft } from '../receive';
import { submitDraft } from '../submit';

interface Props {
  draftId: string;
  data: IntakeDraftData;
  procedure: Procedure;
  validation: IntakeValidation | undefined;
  commune: CommuneInfo | undefined;
  flushed(): Promise<void>;
  update(change: (data: IntakeDraftData) => IntakeDraftData): void;
  /** 'team': file it online (submit.ts) and open its tracking slip at /phieu/:id, instead of receiving. */
  variant?: 'desk' | 'team';
}

export function ReviewStep({ draftId, data, procedure, validation, commune, flushed, update, variant = 'desk' }: Props) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [full, setFull] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');

  const explain = (e: unknown) =>
    isQuotaError(e)
      ? t('errors.quota')
      : e instanceof IntakeError && e.code === 'intake.no_commune'
        ? t('intake.review.noCommune')
        : t('intake.review.receiveFailed', { reason: errorText(e, i18n) });

  async function receive() {
    setBusy(true);
    setError('');
    setFull(false);
    try {
      await flushed();
      const result = await receiveDraft(draftId, data, procedure);
      navigate(`/giay-hen/${result.id}`);
    } catch (e) {
      // The receipt is one transaction: a full device leaves the draft exactly as it was.
      if (isQuotaError(e)) setFull(true);
      else setError(explain(e));
      setBusy(false);
    }
  }

  async function submit() {
    setBusy(true);
    setError('');
    setFull(false);
    try {
      await flushed();
      const result = await submitDraft(draftId, data, procedure);
      navigate(`/phieu/${result.id}`);
    } catch (e) {
      if (isQuotaError(e)) setFull(true);
      else setError(explain(e));
      setBusy(false);
    }
  }

  async function refuse() {
    if (reason.trim() === '') {
      setError(t('intake.review.refuseReasonRequired'));
      return;
    }
    setBusy(true);
    try {
      await flushed();
      const result = await refuseDraft(draftId, data, procedure, reason.trim());
      navigate(`/tu-choi/${result.id}`);
    } catch (e) {
      setError(explain(e));
      setBusy(false);
    }
  }

  const time = processingTimeOf(data);
  const due = time && variant === 'desk' ? clockFor(commune).appointmentFor(new Date(), time) : undefined;

  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t('intake.review.title')}</h2>
      {procedure.processingDays === null && (
        <label className="narrow">
          {t('intake.review.processingDays')}
          <input
            type="number"
            min={0}
            max={90}
            value={data.processingDays ?? ''}
            onChange={(e) => update((d) => ({ ...d, processingDays: e.target.value === '' ? null : Math.max(0, Number(e.target.value)) }))}
          />
        </label>
      )}
      {!validation ? (
        <p role="status">{t('intake.review.checking')}</p>
      ) : validation.blocking.length === 0 ? (
        <p role="status" className="ok">
          {t('intake.review.complete')}
        </p>
      ) : (
        <div role="alert" className="problems">
          <p>{t('intake.review.missing')}</p>
          <ul>
            {validation.blocking.map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      {validation && validation.warnings.length > 0 && (
        <div className="warnings">
          <p>{t('intake.review.warnings')}</p>
          <ul>
            {validation.warnings.map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      {due && <p>{t('intake.review.appointment', { time: displayDateTime(due) })}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {full && <QuotaProblem receiving />}
      <div className="actions">
        {variant === 'team' ? (
          <button type="button" className="primary" disabled={busy || !validation || validation.blocking.length > 0} onClick={() => void submit()}>
            {busy ? t('intake.review.submitting') : t('intake.review.submitOnline')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy || !validation || validation.blocking.length > 0} onClick={() => void receive()}>
            {busy ? t('intake.review.receiving') : t('intake.review.receive')}
          </button>
        )}
      </div>
      {variant === 'desk' && validation && validation.blocking.length > 0 && (
        <div className="incomplete-choice">
          <p>{t('intake.review.incompleteChoice')}</p>
          <div className="actions">
            <button type="button" onClick={() => navigate(`/bo-sung/${draftId}`)}>
              {t('intake.review.requestSupplement')}
            </button>
            <button type="button" onClick={() => setRefusing(true)} aria-expanded={refusing}>
              {t('intake.review.refuse')}
            </button>
          </div>
          {refusing && (
            <div className="refuse-form">
              <label>
                {t('intake.review.refuseReason')}
                <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
              </label>
              <button type="button" className="primary" disabled={busy} onClick={() => void refuse()}>
                {t('intake.review.refuseConfirm')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
