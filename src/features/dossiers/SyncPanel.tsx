// Where this dossier stands with the gateway: synced, waiting, or rejected (with the reason).
import { useTranslation } from 'react-i18next';
import type { DossierRow, OutboxEntry } from '../../db';

export function SyncPanel({ row, outbox }: { row: DossierRow; outbox: OutboxEntry[] }) {
  const { t } = useTranslation();
  const rejected = outbox.filter((e) => e.status === 'rejected');
  return (
    <section className="card" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('dossiers.sync.title')}</h2>
      <p className={`sync-badge sync-${row.syncState}`}>{t(`dossiers.sync.${row.syncState}`)}</p>
      {outbox.length > 0 && <p>{t('dossiers.sync.pending', { count: outbox.length })}</p>}
      {rejected.map((e) => (
        <p key={e.seq} className="error">
          {t('dossiers.sync.rejectedReason', { reason: e.lastError ?? e.kind })}
        </p>
      ))}
    </section>
  );
}
