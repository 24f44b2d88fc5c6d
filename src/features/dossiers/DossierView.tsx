// Trang hồ sơ (/ho-so/:id): everything about one dossier — its data, files, processing log and
// sync state — and the actions its status allows, each recorded with who did it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getDb, getDossier, listAttachments, listProcessingLog, outboxEntriesFor, readDossierState } from '../../db';
import { PageHeader } from '../../shared';
import { ActionPanel } from './ActionPanel';
import { ChangedByNote } from './ChangedByNote';
import { DossierFiles } from './DossierFiles';
import { DossierSummary } from './DossierSummary';
import { logLines } from './log-lines';
import { ProcessingLog } from './ProcessingLog';
import { ResultPanel } from './ResultPanel';
import { SyncPanel } from './SyncPanel';
import { useNow } from './use-now';
import { useWorkingClock } from './use-clock';

export function DossierView({ id }: { id: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const clock = useWorkingClock();
  const loaded = useLiveQuery(async () => {
    const db = getDb();
    const row = await getDossier(db, id);
    if (!row) return { row: null } as const;
    const [log, attachments, outbox] = await Promise.all([listProcessingLog(db, id), listAttachments(db, id), outboxEntriesFor(db, id)]);
    return { row, log, attachments, outbox };
  }, [id]);

  if (!loaded) return <p role="status">…</p>;
  if (!loaded.row) {
    return (
      <>
        <PageHeader title={t('dossiers.detail.notFound')} />
        <Link href="/">{t('dossiers.detail.back')}</Link>
      </>
    );
  }
  const { row, log, attachments, outbox } = loaded;
  return (
    <>
      <PageHeader title={t('dossiers.detail.title', { code: row.code })} />
      <p className="no-print">
        <Link href="/">{t('dossiers.detail.back')}</Link>
      </p>
      {row.status === 1 && (
        <p className="no-print">
          {t('dossiers.online.waiting', { code: (row as { lookupCode?: string }).lookupCode ?? row.code })}{' '}
          <Link href="/truc-tuyen">{t('dossiers.online.back')}</Link>
        </p>
      )}
      {row.changedBy && <ChangedByNote by={row.changedBy} />}
      <div className="dossier-page">
        <DossierSummary row={row} clock={clock} now={now} />
        <ActionPanel row={row} />
        <ResultPanel row={row} attachments={attachments} />
        <DossierFiles row={row} attachments={attachments} />
        <ProcessingLog entries={logLines(readDossierState(row), log)} />
        <SyncPanel row={row} outbox={outbox} />
      </div>
    </>
  );
}
