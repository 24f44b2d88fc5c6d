// The component's stored pages in order, as thumbnails: move a page earlier or later, delete it,
// or open it for editing (while its photo is at hand: in memory, or kept on the device for a draft).
import { useTranslation } from 'react-i18next';
import type { StoredPage } from '../../../db';
import { pageModeOfType } from '../../../domain/digitize';
import { formatBytes } from '../../lib/format';
import { useObjectUrl } from './use-object-url';

function Thumb({ blob, alt }: { blob?: Blob; alt: string }) {
  const url = useObjectUrl(blob);
  return url ? (
    <img src={url} alt={alt} loading="lazy" decoding="async" />
  ) : (
    <span className="thumb-placeholder" aria-hidden="true">
      PDF
    </span>
  );
}

export interface PageListProps {
  pages: StoredPage[];
  editable: ReadonlySet<string>;
  onMove(id: string, delta: -1 | 1): void;
  onRemove(id: string): void;
  onEdit(id: string): void;
}

export function PageList({ pages, editable, onMove, onRemove, onEdit }: PageListProps) {
  const { t, i18n } = useTranslation();
  if (pages.length === 0) return <p>{t('digitize.pages.none')}</p>;
  return (
    <ol className="page-list">
      {pages.map((page, i) => {
        const n = i + 1;
        const isPdf = page.type === 'application/pdf';
        const label = isPdf ? t('digitize.pages.pdfItem', { name: page.name }) : t('digitize.pages.page', { n });
        return (
          <li key={page.id}>
            <Thumb blob={page.thumbnail} alt={label} />
            <p className="page-caption">
              <strong>{label}</strong>
              <span>
                {isPdf ? 'PDF' : t(pageModeOfType(page.type) === 'colour' ? 'digitize.pages.colour' : 'digitize.pages.text')} ·{' '}
                {formatBytes(page.size, i18n.language)}
              </span>
            </p>
            <div className="page-actions">
              <button type="button" onClick={() => onMove(page.id, -1)} disabled={i === 0} aria-label={t('digitize.pages.moveUp', { n })}>
                ↑
              </button>
              <button type="button" onClick={() => onMove(page.id, 1)} disabled={i === pages.length - 1} aria-label={t('digitize.pages.moveDown', { n })}>
                ↓
              </button>
              {editable.has(page.id) && (
                <button type="button" onClick={() => onEdit(page.id)} aria-label={t('digitize.pages.edit', { n })}>
                  ✎
                </button>
              )}
              <button type="button" onClick={() => onRemove(page.id)} aria-label={t('digitize.pages.remove', { n })}>
                ✕
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
