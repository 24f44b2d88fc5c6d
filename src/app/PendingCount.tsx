// How many changes still wait to reach the gateway; links to the sync page where they are listed.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { usePendingCount } from '../sync';

export function PendingCount() {
  const { t } = useTranslation();
  const count = usePendingCount();
  if (count === undefined) return null;
  return (
    <Link href="/dong-bo" className={count > 0 ? 'pending has-pending' : 'pending'}>
      {count > 0 ? t('pending.count', { count }) : t('pending.none')}
    </Link>
  );
}
