// The desk's ready-made views with how many dossiers each holds: Tất cả, Sắp hết hạn, Quá hạn,
// Chờ bổ sung, Chờ trả kết quả.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { countDossierViews, getDb, type DossierView } from '../../db';
import { useDossierListStore } from './list-store';

const VIEWS: DossierView[] = ['all', 'dueSoon', 'overdue', 'waiting', 'ready'];

export function ViewButtons({ now }: { now: Date }) {
  const { t, i18n } = useTranslation();
  const view = useDossierListStore((s) => s.filter.view);
  const setFilter = useDossierListStore((s) => s.setFilter);
  const counts = useLiveQuery(() => countDossierViews(getDb(), now), [now]);
  return (
    <div className="dossier-views" role="group" aria-label={t('dossiers.views.label')}>
      {VIEWS.map((v) => (
        <button key={v} type="button" aria-pressed={view === v} className={`view-${v}`} onClick={() => setFilter({ view: v })}>
          {counts ? t('dossiers.views.withCount', { label: t(`dossiers.views.${v}`), n: counts[v].toLocaleString(i18n.language) }) : t(`dossiers.views.${v}`)}
        </button>
      ))}
    </div>
  );
}
