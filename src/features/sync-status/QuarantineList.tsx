// Changes the gateway refused, each with its reason: they never block the queue, and the officer
// can send one again once what was wrong is fixed (on the dossier itself).
import { useTranslation } from 'react-i18next';
import { getDb, resendEntry, type OutboxEntry } from '../../db';
import { syncNow } from '../../sync';

export function QuarantineList({ entries }: { entries: OutboxEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="quarantine-title" className="quarantine">
      <h2 id="quarantine-title">{t('sync.quarantineTitle', { count: entries.length })}</h2>
      <ul className="row-list">
        {entries.map((entry) => {
          const code = (entry.payload as { code?: string } | null)?.code ?? entry.entityId;
          return (
            <li key={entry.seq}>
              <strong>{code}</strong> — {t(`sync.kind.${entry.kind}`, { defaultValue: entry.kind })}: <span className="error">{entry.lastError}</span>{' '}
              <button
                type="button"
                aria-label={t('sync.resendOne', { code })}
                onClick={() => void resendEntry(getDb(), entry.seq!).then(() => syncNow())}
              >
                {t('sync.resend')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
