// Where this dossier stands with the gateway: waiting, sending its files, synced with its official
// code (and the provisional one it was received under, which still finds it), or refused with
// the reason for each refused change (a refused receipt is fixed on the Đồng bộ page).
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CORRECTABLE_KINDS, type DossierRow, type OutboxEntry } from '../../db';
import { refusalText } from '../../shared';
import { useSyncStanding } from './sync-standing';

export function SyncPanel({ row, outbox }: { row: DossierRow; outbox: OutboxEntry[] }) {
  const { t, i18n } = useTranslation();
  const standing = useSyncStanding(row);
  const rejected = outbox.filter((e) => e.status === 'rejected');
  const waiting = outbox.length - rejected.length;
  return (
    <section className="card" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('dossiers.sync.title')}</h2>
      <p className={`sync-badge sync-${standing.state}`} role="status">
        {standing.text}
      </p>
      {row.provisionalCode && row.provisionalCode !== row.code && <p className="muted">{t('dossiers.sync.provisionalWas', { code: row.provisionalCode })}</p>}
      {waiting > 0 && <p>{t('dossiers.sync.pending', { count: waiting })}</p>}
      {rejected.map((e) => (
        <p key={e.seq} className="error">
          {t('dossiers.sync.rejectedReason', { reason: refusalText({ reason: e.lastError ?? e.kind, code: e.lastErrorCode }, i18n) })}
        </p>
      ))}
      {rejected.some((e) => CORRECTABLE_KINDS.includes(e.kind)) && (
        <p>
          {/* "~": the Đồng bộ page sits outside the dossier desk's own routes. */}
          <Link href="~/dong-bo">{t('dossiers.sync.fixThere')}</Link>
        </p>
      )}
    </section>
  );
}
