// Which words describe a dossier's standing with the gateway (pure, so it is tested without a
// browser): a 'sending' left by a closed tab reads as waiting, files are counted "n of m" while
// some are still on their way, and "official code" is said only of a code in the official form.
import { parseDossierCode } from '../../domain/dossier';
import type { DossierRow, FileProgress } from '../../db';

export type SyncWords =
  | { state: 'waiting'; key: 'waiting' }
  | { state: 'sending'; key: 'sending' }
  | { state: 'sending'; key: 'sendingFiles'; n: number; total: number }
  | { state: 'accepted'; key: 'accepted' }
  | { state: 'accepted'; key: 'acceptedCode'; code: string }
  | { state: 'rejected'; key: 'rejected' };

export function syncWords(row: Pick<DossierRow, 'syncState' | 'code'>, pumping: boolean, progress?: FileProgress): SyncWords {
  switch (row.syncState) {
    case 'sending':
      if (!pumping) return { state: 'waiting', key: 'waiting' };
      return progress && progress.done < progress.total
        ? { state: 'sending', key: 'sendingFiles', n: progress.done + 1, total: progress.total }
        : { state: 'sending', key: 'sending' };
    case 'accepted':
      return parseDossierCode(row.code).ok ? { state: 'accepted', key: 'acceptedCode', code: row.code } : { state: 'accepted', key: 'accepted' };
    case 'rejected':
      return { state: 'rejected', key: 'rejected' };
    default:
      return { state: 'waiting', key: 'waiting' };
  }
}
