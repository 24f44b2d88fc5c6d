// A stacked bar drawn with CSS (no chart library): each part's width is its share; the same
// figures are in the legend and in the table beside it, so nothing is told by colour alone.
import { useTranslation } from 'react-i18next';
import { percent } from '../../domain/reports';
import { formatCount, formatPercent } from './format';

export interface BarPart {
  key: string;
  label: string;
  value: number;
  tone: 'good' | 'ok' | 'bad' | 'neutral';
}

export function StackedBar({ title, parts }: { title: string; parts: BarPart[] }) {
  const { t, i18n } = useTranslation();
  const total = parts.reduce((s, p) => s + p.value, 0);
  const described = parts.map((p) =>
    t('reports.charts.bar', { label: p.label, value: formatCount(p.value, i18n.language), percent: formatPercent(percent(p.value, total), i18n.language) }),
  );
  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
      <div className="stacked-bar" role="img" aria-label={total === 0 ? `${title}: ${t('reports.charts.none')}` : `${title}: ${described.join('; ')}`}>
        {total === 0 ? (
          <span className="stacked-bar-empty">{t('reports.charts.none')}</span>
        ) : (
          parts.map((p) => (p.value > 0 ? <span key={p.key} className={`bar-part bar-${p.tone}`} style={{ width: `${(p.value / total) * 100}%` }} /> : null))
        )}
      </div>
      <ul className="bar-legend">
        {parts.map((p, i) => (
          <li key={p.key}>
            <span className={`bar-swatch bar-${p.tone}`} aria-hidden="true" />
            {described[i]}
          </li>
        ))}
      </ul>
    </figure>
  );
}
