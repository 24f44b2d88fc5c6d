// Đồng bộ: the connection as the gateway confirms it, what waits to be sent, what the gateway
// refused (the quarantine, fixable and resendable), and the last success and error. It never says
// "synced" while anything is still waiting.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { remainingCodes, type CodeReserve } from '../../domain/dossier';
import { getDb, listQuarantine, readCommune, readSetting } from '../../db';
import { errorText, PageHeader } from '../../shared';
import { checkConnection, RESERVE_KEY, syncNow, useConnectivity, usePendingCount, usePump } from '../../sync';
import { EnrolmentCard } from './EnrolmentCard';
import { QuarantineList } from './QuarantineList';
import { displayDateTime } from '../../domain/calendar';

export function SyncPage() {
  const { t, i18n } = useTranslation();
  const { state, lastOnlineAt } = useConnectivity();
  const pump = usePump();
  const pending = usePendingCount();
  const quarantine = useLiveQuery(() => listQuarantine(getDb()), []);
  const commune = useLiveQuery(() => readCommune(getDb()), []);
  const reserve = useLiveQuery(() => readSetting<CodeReserve | null>(getDb(), RESERVE_KEY, null), []);
  const time = displayDateTime;
  const waiting = (pending ?? 0) - (quarantine?.length ?? 0);

  return (
    <>
      <PageHeader title={t('sync.page.title')} intro={t('sync.page.intro')} />
      <div className="card-grid">
        <EnrolmentCard />
        <section className="card" aria-labelledby="sync-connection">
          <h2 id="sync-connection">{t('sync.connection')}</h2>
          <p>{t(`connection.${state}`)}</p>
          {lastOnlineAt && <p className="muted">{t('sync.lastOnline', { time: time(lastOnlineAt) })}</p>}
          <div className="actions">
            <button type="button" onClick={() => void checkConnection()}>
              {t('sync.checkNow')}
            </button>
          </div>
        </section>
        <section className="card" aria-labelledby="sync-waiting">
          <h2 id="sync-waiting">{t('sync.waiting')}</h2>
          <p role="status">
            {pending === undefined
              ? '…'
              : waiting > 0
                ? t('sync.queue', { count: waiting })
                : quarantine?.length
                  ? t('sync.onlyQuarantine')
                  : t('sync.allSent')}
          </p>
          <p>{t(`sync.pump.${pump.state}`)}</p>
          {pump.lastSuccessAt && <p className="muted">{t('sync.lastSuccess', { time: time(pump.lastSuccessAt) })}</p>}
          {pump.lastError && (
            <p className="error" role="alert">
              {t('sync.lastError', { reason: errorText(pump.lastError, i18n) })}
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={() => void syncNow()} disabled={pump.state === 'sending'}>
              {t('sync.now')}
            </button>
          </div>
        </section>
        <section className="card" aria-labelledby="sync-reserve">
          <h2 id="sync-reserve">{t('sync.reserveTitle')}</h2>
          <p>{commune ? t('sync.commune', { name: commune.name, agency: commune.agencyCode }) : t('sync.noCommune')}</p>
          <p>{t('sync.reserve', { count: reserve ? remainingCodes(reserve, new Date()) : 0 })}</p>
        </section>
      </div>
      <QuarantineList entries={quarantine ?? []} />
    </>
  );
}
