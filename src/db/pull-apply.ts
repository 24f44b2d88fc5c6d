// Applying one page of pull: the gateway's changes and the new checkpoint in ONE transaction, so
// a crash or a failed write leaves the device at its old checkpoint with none of the page, and
// the page is simply asked for again. A dossier with changes still in the outbox keeps its local
// row (the outbox wins until the gateway has answered for them).
import type { MotcuaDb } from './db';
import { DEVICE_KEY, type DeviceIdentity } from './device';
import { missingLogRows, missingPaperRows, pulledRow, type PulledAuthor, type PulledDossier, type PulledPaper } from './pulled-dossier';
import { readSetting } from './settings';

export const PULL_CHECKPOINT_KEY = 'pullCheckpoint';
/** The newest catalogue version the gateway announced by pull (installed or not yet). */
export const CATALOGUE_OFFERED_KEY = 'catalogueOffered';

export type PulledChange =
  | { type: 'dossier'; version: number; dossier: PulledDossier; changedBy: PulledAuthor }
  | { type: 'catalogue'; version: number; catalogueVersion: number; issuedAt: string };

export interface PulledPage {
  checkpoint: number;
  changes: PulledChange[];
}

export interface PageApplied {
  /** Dossier rows written (new or replaced). */
  applied: number;
  /** Dossiers left as they are because their own changes still wait in the outbox. */
  keptForOutbox: number;
}

export function readPullCheckpoint(db: MotcuaDb): Promise<number> {
  return readSetting<number>(db, PULL_CHECKPOINT_KEY, 0);
}

/** After a restore of the gateway from backup: pull from the start again. The outbox is not touched. */
export async function resetPullCheckpoint(db: MotcuaDb): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.put({ key: PULL_CHECKPOINT_KEY, value: 0, updatedAt: new Date().toISOString() }));
}

export async function applyPullPage(db: MotcuaDb, page: PulledPage): Promise<PageApplied> {
  return db.transaction('rw', [db.dossiers, db.processingLog, db.outbox, db.settings, db.attachments, db.dossierFacts, db.reportPacks], async () => {
    const own = (await readSetting<DeviceIdentity | undefined>(db, DEVICE_KEY, undefined))?.id;
    const result: PageApplied = { applied: 0, keptForOutbox: 0 };
    const known = await readSetting<number>(db, CATALOGUE_OFFERED_KEY, 0);
    let offered = known;
    for (const change of page.changes) {
      if (change.type === 'catalogue') {
        offered = Math.max(offered, change.catalogueVersion);
        continue;
      }
      const { dossier } = change;
      // Read inside the transaction: an action taken while the page was downloading counts.
      if ((await db.outbox.where('entityId').equals(dossier.id).count()) > 0) {
        result.keptForOutbox++;
        continue;
      }
      const local = await db.dossiers.get(dossier.id);
      const fromElsewhere = change.changedBy.deviceId === null || change.changedBy.deviceId !== own;
      await db.dossiers.put(pulledRow(local, dossier, change.version, change.changedBy, fromElsewhere));
      const log = await db.processingLog.where('dossierId').equals(dossier.id).toArray();
      const missing = missingLogRows(dossier, log);
      if (missing.length > 0) await db.processingLog.bulkAdd(missing);
      // Another device's papers: named here, fetched when opened. This device's own are already here.
      const named = dossier.attachments as PulledPaper[] | undefined;
      if (fromElsewhere && named?.length) {
        const papers = missingPaperRows(dossier.id, named, await db.attachments.where('ownerId').equals(dossier.id).toArray());
        if (papers.length > 0) await db.attachments.bulkAdd(papers);
      }
      result.applied++;
    }
    const at = new Date().toISOString();
    await db.settings.put({ key: PULL_CHECKPOINT_KEY, value: page.checkpoint, updatedAt: at });
    if (offered > known) await db.settings.put({ key: CATALOGUE_OFFERED_KEY, value: offered, updatedAt: at });
    return result;
  });
}
