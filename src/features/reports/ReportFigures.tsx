// The report on screen: the sentence the commune writes ("342 hồ sơ tiếp nhận, 216 trước hạn,
// 126 đúng hạn"), bars for the outcome, the open dossiers and satisfaction, the full table, the
// same figures by field, and the reasons citizens gave for being dissatisfied.
import { useTranslation } from 'react-i18next';
import { reportLines, type DeskReport } from '../../domain/reports';
import { StackedBar } from './Bars';
import { byFieldRows } from './export';
import { displayCivilDate, displayDateTime } from '../../domain/calendar';
import { formatCount, formatPercent } from './format';
import type { LoadedReport } from './use-report';

export function ReportFigures({ loaded }: { loaded: LoadedReport }) {
  const { t, i18n } = useTranslation();
  const r: DeskReport = loaded.report;
  const n = (v: number) => formatCount(v, i18n.language);
  const byField = byFieldRows(loaded, t);
  return (
    <section className="report" aria-labelledby="report-title" data-ms={Math.round(loaded.ms)}>
      <h2 id="report-title">{t('reports.heading', { from: displayCivilDate(r.period.from), to: displayCivilDate(r.period.to) })}</h2>
      {r.field && <p className="report-field">{t('reports.fieldHeading', { field: r.field })}</p>}
      <p className="report-headline">
        {t('reports.headline', {
          received: n(r.received.total),
          toHandle: n(r.toHandle),
          finished: n(r.finished.total),
          early: n(r.finished.early),
          onTime: n(r.finished.onTime),
          late: n(r.finished.late),
        })}
      </p>
      <p className="muted">{t('reports.asOf', { time: displayDateTime(r.asOf) })}</p>

      <div className="report-charts">
        <StackedBar
          title={t('reports.charts.finished')}
          parts={[
            { key: 'early', label: t('reports.lines.finishedEarly'), value: r.finished.early, tone: 'good' },
            { key: 'onTime', label: t('reports.lines.finishedOnTime'), value: r.finished.onTime, tone: 'ok' },
            { key: 'late', label: t('reports.lines.finishedLate'), value: r.finished.late, tone: 'bad' },
          ]}
        />
        <StackedBar
          title={t('reports.charts.inProgress')}
          parts={[
            { key: 'inTime', label: t('reports.lines.inProgressInTime'), value: r.inProgress.inTime, tone: 'ok' },
            { key: 'overdue', label: t('reports.lines.inProgressOverdue'), value: r.inProgress.overdue, tone: 'bad' },
          ]}
        />
        <StackedBar
          title={t('reports.charts.satisfaction')}
          parts={[
            { key: 'veryGood', label: t('reports.lines.ratedVeryGood'), value: r.satisfaction.veryGood, tone: 'good' },
            { key: 'good', label: t('reports.lines.ratedGood'), value: r.satisfaction.good, tone: 'ok' },
            { key: 'bad', label: t('reports.lines.ratedBad'), value: r.satisfaction.bad, tone: 'bad' },
          ]}
        />
      </div>

      <div className="table-scroll">
        <table className="report-table">
          <caption>{t('reports.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.table.indicator')}</th>
              <th scope="col">{t('reports.table.count')}</th>
              <th scope="col">{t('reports.table.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {reportLines(r).map((l) => (
              <tr key={l.id} className={`level-${l.level}`}>
                <th scope="row">{t(`reports.lines.${l.id}`)}</th>
                <td>{n(l.value)}</td>
                <td>{l.percent === null ? '' : formatPercent(l.percent, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {byField.length > 0 && (
        <div className="table-scroll">
          <table className="report-table by-field">
            <caption>{t('reports.byField.title')}</caption>
            <thead>
              <tr>
                {byField[0]!.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {byField.slice(1).map((row) => (
                <tr key={String(row[0])}>
                  <th scope="row">{row[0]}</th>
                  {row.slice(1).map((v, i) => (
                    <td key={i}>{n(Number(v))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {r.satisfaction.badReasons.length > 0 && (
        <section aria-labelledby="bad-reasons-title">
          <h3 id="bad-reasons-title">{t('reports.badReasons.title')}</h3>
          <ul>
            {r.satisfaction.badReasons.map((b) => (
              <li key={b.code}>
                <strong>{b.code}</strong>: {b.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
