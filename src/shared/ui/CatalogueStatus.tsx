// The catalogue's status for Cài đặt: which version is in use and since when, how the last
// update attempt ended (in words), and a button to check for a new version now.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb, readCatalogueSummary, readCatalogueUpdate } from '../../db';
import { describeCatalogueUpdate, formatCatalogueDate, formatCatalogueTime } from '../lib/catalogue-text';

export interface CatalogueStatusProps {
  /** Checks for and applies a new version (src/sync updateCatalogue); the outcome is read back from the database. */
  onUpdate: () => Promise<unknown>;
}

export function CatalogueStatus({ onUpdate }: CatalogueStatusProps) {
  const { t } = useTranslation();
  const summary = useLiveQuery(() => readCatalogueSummary(getDb()), []);
  const record = useLiveQuery(() => readCatalogueUpdate(getDb()), []);
  const [busy, setBusy] = useState(false);

  const update = async () => {
    setBusy(true);
    try {
      await onUpdate();
    } catch {
      // The outcome, failures included, is recorded in the database and shown below.
    } finally {
      setBusy(false);
    }
  };

  const refused = record?.kind === 'refused' || record?.kind === 'failed';
  return (
    <section className="card" aria-labelledby="catalogue-status-title">
      <h2 id="catalogue-status-title">{t('catalogue.update.title')}</h2>
      {summary ? (
        <dl className="figures">
          <div>
            <dt>{t('catalogue.update.version')}</dt>
            <dd>{summary.version}</dd>
          </div>
          <div>
            <dt>{t('catalogue.update.issuedAt')}</dt>
            <dd>{formatCatalogueDate(summary.issuedAt)}</dd>
          </div>
          <div>
            <dt>{t('catalogue.update.count')}</dt>
            <dd>{summary.procedureCount}</dd>
          </div>
        </dl>
      ) : (
        <p>{t('catalogue.update.none')}</p>
      )}
      <p role="status" className={refused ? 'warning' : undefined}>
        {busy
          ? t('catalogue.update.checking')
          : record && `${describeCatalogueUpdate(record, t)} ${t('catalogue.update.checkedAt', { time: formatCatalogueTime(record.at) })}`}
      </p>
      <button type="button" onClick={() => void update()} disabled={busy}>
        {t('catalogue.update.check')}
      </button>
    </section>
  );
}
