// The facts of a dossier at a glance: code, status, procedure, who it is for, dates, deadline in
// working time, the supplement request (with Mẫu 02) and the citizen's rating.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { WorkingTime } from '../../domain/calendar';
import { mayRate } from '../../domain/dossier';
import { readDossierData, type DossierRow } from '../../db';
import { displayDateTime } from '../../domain/calendar';
import { timeLeft } from './time-left';

export function DossierSummary({ row, clock, now }: { row: DossierRow; clock: WorkingTime; now: Date }) {
  const { t } = useTranslation();
  const data = readDossierData(row);
  const { state } = data;
  const time = displayDateTime;
  const left = timeLeft(t, clock, row, now);
  const applicant = data.intake?.applicant;
  const owner = data.intake && !data.intake.ownerIsApplicant ? data.intake.owner : undefined;
  const provisional = row.provisionalCode !== undefined && row.provisionalCode === row.code;

  return (
    <section className="card dossier-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('dossiers.detail.summary')}</h2>
      <dl className="facts">
        <dt>{t('dossiers.detail.code')}</dt>
        <dd>
          {row.code} {provisional && <span className="muted">{t('dossiers.detail.provisional')}</span>}
        </dd>
        <dt>{t('dossiers.detail.status')}</dt>
        <dd>
          <span className={`status-badge status-${row.status}`}>{t(`dossiers.status.${row.status}` as 'dossiers.status.1')}</span>
        </dd>
        <dt>{t('dossiers.detail.procedure')}</dt>
        <dd>
          {row.procedureName} <span className="muted">({row.procedureCode})</span>
        </dd>
        <dt>{t('dossiers.detail.field')}</dt>
        <dd>{row.field}</dd>
        <dt>{t('dossiers.detail.applicant')}</dt>
        <dd>
          {applicant?.fullName ?? row.applicantName}
          {(applicant?.idNumber ?? row.applicantIdNumber) && (
            <span className="muted">
              {' '}
              · {t('dossiers.detail.idNumber')}: {applicant?.idNumber ?? row.applicantIdNumber}
            </span>
          )}
          {applicant?.address && <span className="muted"> · {applicant.address}</span>}
          {applicant?.phone && (
            <span className="muted">
              {' '}
              · {t('dossiers.detail.phone')}: {applicant.phone}
            </span>
          )}
        </dd>
        {owner && (
          <>
            <dt>{t('dossiers.detail.owner')}</dt>
            <dd>
              {owner.fullName} <span className="muted">· {owner.idNumber}</span>
            </dd>
          </>
        )}
        {/* An online submission not yet received shows when it was submitted, not a receipt it has not had. */}
        <dt>{t(state.receivedAt === null && row.status === 1 ? 'dossiers.online.submittedAt' : 'dossiers.detail.receivedAt')}</dt>
        <dd>{time(state.receivedAt ?? row.receivedAt)}</dd>
        {state.appointmentAt && (
          <>
            <dt>{t('dossiers.detail.appointmentAt')}</dt>
            <dd>{time(state.appointmentAt)}</dd>
          </>
        )}
        {left.text && (
          <>
            <dt>{t('dossiers.detail.timeLeft')}</dt>
            <dd className={`time-left tone-${left.tone}`}>{left.text}</dd>
          </>
        )}
        {state.resultReadyAt && (
          <>
            <dt>{t('dossiers.detail.resultReadyAt')}</dt>
            <dd>{time(state.resultReadyAt)}</dd>
          </>
        )}
        {state.returnedAt && (
          <>
            <dt>{t('dossiers.detail.returnedAt')}</dt>
            <dd>{time(state.returnedAt)}</dd>
          </>
        )}
        {data.timing && (
          <>
            <dt>{t('dossiers.detail.timing')}</dt>
            <dd className={`tone-${data.timing === 'late' ? 'bad' : 'ok'}`}>{t(`dossiers.timing.${data.timing}`)}</dd>
          </>
        )}
        {data.refusalReason && (
          <>
            <dt>{t('dossiers.detail.refusalReason')}</dt>
            <dd>{data.refusalReason}</dd>
          </>
        )}
        {data.supplement && (
          <>
            <dt>{t('dossiers.detail.supplement')}</dt>
            <dd>
              {t('dossiers.detail.supplementAt', { time: time(data.supplement.requestedAt) })} ·{' '}
              <Link href={`/${row.id}/mau-02`}>{t('dossiers.detail.printSupplement')}</Link>
            </dd>
          </>
        )}
        {mayRate(row.status) && (
          <>
            <dt>{t('dossiers.detail.rating')}</dt>
            <dd>
              {data.rating ? (
                <>
                  {t('dossiers.rating.given', { value: t(`dossiers.rating.${data.rating.value}`), time: time(data.rating.at) })}
                  {data.rating.reason && <span className="muted"> — {data.rating.reason}</span>}
                </>
              ) : (
                <Link href={`/${row.id}/danh-gia`}>{t('dossiers.detail.rateNow')}</Link>
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
