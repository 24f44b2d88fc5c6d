// Sổ theo dõi hồ sơ: the register of dossiers received in the period, printable on A4 landscape.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { PageHeader } from '../../shared';
import { registerOf } from './export';
import { displayCivilDate, displayDate } from '../../domain/calendar';
import { useReport } from './use-report';

export function RegisterView() {
  const { t } = useTranslation();
  const params = new URLSearchParams(useSearch());
  const period = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const field = params.get('field') ?? '';
  const state = useReport(period, field);
  const loaded = state.status === 'ready' ? state.loaded : undefined;
  const rows = useMemo(() => (loaded ? registerOf(loaded) : []), [loaded]);
  return (
    <>
      <div className="no-print">
        <PageHeader title={t('reports.register.link')} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => window.print()} disabled={state.status !== 'ready'}>
            {t('reports.register.print')}
          </button>
          <Link href="/">{t('reports.register.back')}</Link>
        </div>
      </div>
      {state.status === 'loading' && <p role="status">{t('reports.computing')}</p>}
      {state.status === 'invalid' && <p role="alert">{t('reports.form.invalid')}</p>}
      {state.status === 'failed' && <p role="alert">{t('reports.failed', { reason: state.reason })}</p>}
      {state.status === 'ready' && (
        <article className="register-paper">
          <h2>{t('reports.register.title')}</h2>
          <p className="register-period">
            {t('reports.export.period', { from: displayCivilDate(period.from), to: displayCivilDate(period.to) })}
            {field && ` · ${t('reports.fieldHeading', { field })}`}
          </p>
          {rows.length === 0 ? (
            <p>{t('reports.register.empty')}</p>
          ) : (
            <table className="register-table">
              <thead>
                <tr>
                  {(
                    ['number', 'code', 'procedure', 'applicant', 'receivedAt', 'appointmentAt', 'resultReadyAt', 'returnedAt', 'status', 'timing'] as const
                  ).map((k) => (
                    <th key={k} scope="col">
                      {t(`reports.register.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.code}>
                    <td>{r.number}</td>
                    <td>{r.code}</td>
                    <td>{r.procedureName}</td>
                    <td>{r.applicantName}</td>
                    <td>{displayDate(r.receivedAt)}</td>
                    <td>{displayDate(r.appointmentAt)}</td>
                    <td>{displayDate(r.resultReadyAt)}</td>
                    <td>{displayDate(r.returnedAt)}</td>
                    <td>{t(`dossiers.status.${r.status}` as 'dossiers.status.1')}</td>
                    <td>{r.timing ? t(`dossiers.timing.${r.timing}`) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>{t('reports.register.count', { count: rows.length })}</p>
        </article>
      )}
    </>
  );
}
