// Whether this device keeps our data for good, and how much room is left for dossiers.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStorageLow, readStorageStatus, type StorageStatus } from '../../db';
import { formatBytes } from '../../shared';

export function StoragePanel() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<StorageStatus | undefined>();
  useEffect(() => {
    void readStorageStatus().then(setStatus);
  }, []);
  if (!status) return null;
  const known = status.usage !== undefined && status.quota !== undefined;
  const free = known ? status.quota! - status.usage! : 0;
  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('settings.storage.title')}</h2>
      <p>{status.persisted ? t('settings.storage.persistent') : t('settings.storage.notPersistent')}</p>
      {known ? (
        <dl className="figures">
          <div>
            <dt>{t('settings.storage.used')}</dt>
            <dd>{formatBytes(status.usage!, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('settings.storage.free')}</dt>
            <dd>{formatBytes(free, i18n.language)}</dd>
          </div>
        </dl>
      ) : (
        <p>{t('settings.storage.unknown')}</p>
      )}
      {isStorageLow(status) && (
        <p className="warning" role="alert">
          {t('settings.storage.lowWarning', { free: formatBytes(free, i18n.language) })}
        </p>
      )}
    </section>
  );
}
