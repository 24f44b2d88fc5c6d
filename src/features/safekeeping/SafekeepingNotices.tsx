// The shell's notices about the device's data (issue 14 items 3 and 4), shown above every page:
// the database was lost (the way back: the latest backup, or enrol again and re-sync), storage not
// kept for good or nearly full, and unsent work older than the commune's reminder time. Each offers
// "Sao lưu ra tệp". Loaded lazily by the shell, so the first screen does not grow.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getDb, isStorageLow, readStorageStatus, requestPersistentStorage, type StorageStatus } from '../../db';
import { checkWorkMarker, overdueHours, readReminderHours, settleLostWork, unsyncedAge, readWorkMarkers, type WorkMarker } from '../../db/safekeeping';
import { displayDateTime } from '../../domain/calendar';
import { safekeepingEn } from '../../i18n/safekeeping.en';
import { safekeepingVi } from '../../i18n/safekeeping.vi';
import { formatBytes } from '../../shared';
import { syncNow } from '../../sync';
import './safekeeping.css';

export const BACKUP_PATH = '/cai-dat#sao-luu';

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

const installed = () => window.matchMedia?.('(display-mode: standalone)').matches ?? false;

/**
 * The marker checked once at start (which writes down a lost database); then its rows read live,
 * so an import that settles the loss, or a first receipt that writes the marker, shows at once.
 * Persistent storage is asked for once there is work to protect or the app is installed.
 */
function useMarkerAndStorage(): [WorkMarker | undefined, WorkMarker | undefined, StorageStatus | undefined, () => void] {
  const [storage, setStorage] = useState<StorageStatus>();
  const { lost, held } = useLiveQuery(() => readWorkMarkers(getDb()), [], { lost: undefined, held: undefined });
  useEffect(() => {
    let live = true;
    const refresh = () => void readStorageStatus().then((s) => live && setStorage(s));
    const protect = () => void requestPersistentStorage().then(refresh, refresh);
    void checkWorkMarker(getDb()).then(
      (found) => (found.state === 'held' || installed() ? protect() : refresh()),
      () => refresh(),
    );
    // Installing is the moment Chromium grants persistence without asking: ask right then.
    window.addEventListener('appinstalled', protect);
    const timer = setInterval(refresh, 10 * 60_000);
    return () => {
      live = false;
      window.removeEventListener('appinstalled', protect);
      clearInterval(timer);
    };
  }, []);
  // A first receipt asks for persistence (markWorkHeld): read the answer once its marker shows.
  const heldSince = held?.since;
  useEffect(() => {
    if (heldSince) void readStorageStatus().then(setStorage);
  }, [heldSince]);
  const settle = () => void settleLostWork(getDb());
  return [lost, held, storage, settle];
}

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function SafekeepingNotices() {
  const { i18n } = useTranslation();
  const m = i18n.language === 'en' ? safekeepingEn : safekeepingVi;
  const [lostMarker, held, storage, settle] = useMarkerAndStorage();
  const waiting = useLiveQuery(async () => {
    const db = getDb();
    const [age, hours] = await Promise.all([unsyncedAge(db), readReminderHours(db)]);
    return { ...age, hours };
  });
  const now = useNow(60_000);
  const overdue = waiting ? overdueHours(waiting.oldest, waiting.hours, now) : undefined;
  const notPersistent = held !== undefined && storage?.persisted === false;
  const low = storage !== undefined && isStorageLow(storage);
  if (!lostMarker && !notPersistent && !low && overdue === undefined) return null;
  const backup = <Link href={BACKUP_PATH}>{m.backupLink}</Link>;

  return (
    <section className="safekeeping" aria-label={m.region}>
      {lostMarker && (
        <div className="lost" role="alert">
          <p>
            <strong>{m.lost.title}</strong>
          </p>
          <p>{fill(m.lost.text, { since: displayDateTime(lostMarker.since) })}</p>
          <div className="actions">
            <Link href={BACKUP_PATH}>{m.lost.importLink}</Link>
            <Link href="/dong-bo">{m.lost.resyncLink}</Link>
            <button type="button" onClick={settle}>
              {m.lost.done}
            </button>
          </div>
        </div>
      )}
      {low && (
        <div role="alert">
          <p>{fill(m.low, { free: formatBytes(storage.quota! - storage.usage!, i18n.language) })}</p>
          <div className="actions">{backup}</div>
        </div>
      )}
      {notPersistent && !low && (
        <div role="status">
          <p>{m.notPersistent}</p>
          <div className="actions">{backup}</div>
        </div>
      )}
      {overdue !== undefined && (
        <div role="status">
          <p>{fill(m.reminder, { count: waiting!.count, hours: overdue, limit: waiting!.hours })}</p>
          <div className="actions">
            <button type="button" onClick={() => void syncNow()}>
              {m.syncNow}
            </button>
            {backup}
          </div>
        </div>
      )}
    </section>
  );
}
