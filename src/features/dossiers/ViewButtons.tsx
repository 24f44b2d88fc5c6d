// The desk's ready-made views with how many dossiers each holds: Tất cả, Sắp hết hạn, Quá hạn,
// Chờ bổ sung, Chờ trả kết quả.
import { useTranslation } from 'react-i18next';
import { DOSSIER_VIEWS, type DossierView } from '../../db';
import { useDossierListStore } from './list-store';

/** `counts`: read by DossierList (the list's own count is one of them), absent until they are in. */
export function ViewButtons({ counts }: { counts: Record<DossierView, number> | undefined }) {
  const { t, i18n } = useTranslation();
  const view = useDossierListStore((s) => s.filter.view);
  const setFilter = useDossierListStore((s) => s.setFilter);
  return (
    <div className="dossier-views" role="group" aria-label={t('dossiers.views.label')}>
      {DOSSIER_VIEWS.map((v) => (
        <button key={v} type="button" aria-pressed={view === v} className={`view-${v}`} onClick={() => setFilter({ view: v })}>
          {counts ? t('dossiers.views.withCount', { label: t(`dossiers.views.${v}`), n: counts[v].toLocaleString(i18n.language) }) : t(`dossiers.views.${v}`)}
        </button>
      ))}
    </div>
  );
}
