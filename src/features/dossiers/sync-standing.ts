// Where one dossier stands with the gateway, in the words the list and the dossier page show:
// waiting, sending files n of m, synced with its official code, or refused with the reason. Read
// live from Dexie (the dossier's syncState, its files' uploads, its quarantined changes).
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { dossierFileProgress, getDb, outboxEntriesFor, type DossierRow } from '../../db';
import { refusalText } from '../../shared/lib/error-text';
import { usePump } from '../../sync';
import { syncWords } from './sync-words';

export interface SyncStanding {
  state: DossierRow['syncState'];
  text: string;
  reason?: string;
}

export function useSyncStanding(row: DossierRow): SyncStanding {
  const { t, i18n } = useTranslation();
  const pumping = usePump((s) => s.state === 'sending');
  const detail = useLiveQuery(async () => {
    const db = getDb();
    if (row.syncState === 'sending') return { progress: await dossierFileProgress(db, row.id) };
    if (row.syncState === 'rejected') return { refused: (await outboxEntriesFor(db, row.id)).find((e) => e.status === 'rejected') };
    return {};
  }, [row.id, row.syncState]);
  const words = syncWords(row, pumping, detail?.progress);
  const { state, key, ...params } = words;
  const text = t(`dossiers.sync.${key}`, params);
  const refused = detail?.refused?.lastError ? refusalText({ reason: detail.refused.lastError, code: detail.refused.lastErrorCode }, i18n) : undefined;
  return { state, text, ...(state === 'rejected' && refused ? { reason: refused } : {}) };
}
