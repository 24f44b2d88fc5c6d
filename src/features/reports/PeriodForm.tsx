// The report's period (month, quarter, year or chosen dates) and field.
import { useTranslation } from 'react-i18next';
import { isValidPeriod } from '../../domain/reports';
import { periodOf, useReportStore, type PeriodKind } from './report-store';

const KINDS: PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

export function PeriodForm({ fields, years }: { fields: string[]; years: number[] }) {
  const { t } = useTranslation();
  const choice = useReportStore((s) => s.choice);
  const choose = useReportStore((s) => s.choose);
  const valid = isValidPeriod(periodOf(choice));
  return (
    <form className="card report-form no-print" aria-labelledby="period-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="period-title">{t('reports.form.title')}</h2>
      <div className="form-grid">
        <label>
          {t('reports.form.kind')}
          <select value={choice.kind} onChange={(e) => choose({ kind: e.target.value as PeriodKind })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`reports.form.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {choice.kind !== 'custom' && (
          <label>
            {t('reports.form.yearLabel')}
            <select value={choice.year} onChange={(e) => choose({ year: Number(e.target.value) })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        {choice.kind === 'month' && (
          <label>
            {t('reports.form.monthLabel')}
            <select value={choice.month} onChange={(e) => choose({ month: Number(e.target.value) })}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  {t('reports.form.monthOption', { n: m })}
                </option>
              ))}
            </select>
          </label>
        )}
        {choice.kind === 'quarter' && (
          <label>
            {t('reports.form.quarterLabel')}
            <select value={choice.quarter} onChange={(e) => choose({ quarter: Number(e.target.value) as 1 | 2 | 3 | 4 })}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('reports.form.quarterOption', { n: q })}
                </option>
              ))}
            </select>
          </label>
        )}
        {choice.kind === 'custom' && (
          <>
            <label>
              {t('reports.form.from')}
              <input type="date" value={choice.from} onChange={(e) => choose({ from: e.target.value })} aria-invalid={!valid} />
            </label>
            <label>
              {t('reports.form.to')}
              <input type="date" value={choice.to} onChange={(e) => choose({ to: e.target.value })} aria-invalid={!valid} />
            </label>
          </>
        )}
        <label>
          {t('reports.form.field')}
          <select value={choice.field} onChange={(e) => choose({ field: e.target.value })}>
            <option value="">{t('reports.form.allFields')}</option>
            {fields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!valid && (
        <p role="alert" className="error">
          {t('reports.form.invalid')}
        </p>
      )}
    </form>
  );
}
