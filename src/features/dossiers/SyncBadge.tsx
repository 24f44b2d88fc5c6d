// A dossier row's sync standing in the list: short (the row already shows the code), with the
// gateway's reason on hover when refused.
import { useTranslation } from 'react-i18next';
import type { DossierRow } from '../../db';
import { useSyncStanding } from './sync-standing';

export function SyncBadge({ row }: { row: DossierRow }) {
  const { t } = useTranslation();
  const standing = useSyncStanding(row);
  return (
    <span className={`sync-badge sync-${standing.state}`} title={standing.reason}>
      {standing.state === 'accepted' ? t('dossiers.sync.accepted') : standing.text}
    </span>
  );
}
