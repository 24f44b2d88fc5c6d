// Changes the gateway refused, each with its reason: they never block the queue. A refused
// receipt can be fixed here (the people its reason names) and is then sent with the correction;
// any refused change can be sent again as it is, once what was wrong elsewhere is fixed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRECTABLE_KINDS, getDb, resendEntry, type OutboxEntry } from '../../db';
import { refusalText } from '../../shared/lib/error-text'; // not the index: it pulls in browser-only modules
import { syncNow } from '../../sync';
import { peopleOf, QuarantineFix } from './QuarantineFix';

export function QuarantineList({ entries }: { entries: OutboxEntry[] }) {
  const { t, i18n } = useTranslation();
  const [fixing, setFixing] = useState<number | null>(null);
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="quarantine-title" className="quarantine">
      <h2 id="quarantine-title">{t('sync.quarantineTitle', { count: entries.length })}</h2>
      <ul className="row-list">
        {entries.map((entry) => {
          const code = (entry.payload as { code?: string } | null)?.code ?? entry.entityId;
          const fixable = CORRECTABLE_KINDS.includes(entry.kind) && peopleOf(entry) !== null;
          return (
            <li key={entry.seq}>
              <strong>{code}</strong> — {t(`sync.kind.${entry.kind}`, { defaultValue: entry.kind })}:{' '}
              <span className="error">{refusalText({ reason: entry.lastError ?? '', code: entry.lastErrorCode }, i18n)}</span>{' '}
              {fixable && fixing !== entry.seq && (
                <button type="button" aria-label={t('sync.fixOne', { code })} onClick={() => setFixing(entry.seq!)}>
                  {t('sync.fixAction')}
                </button>
              )}{' '}
              {fixing !== entry.seq && (
                <button type="button" aria-label={t('sync.resendOne', { code })} onClick={() => void resendEntry(getDb(), entry.seq!).then(() => syncNow())}>
                  {t('sync.resend')}
                </button>
              )}
              {fixing === entry.seq && <QuarantineFix entry={entry} code={code} onClose={() => setFixing(null)} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
