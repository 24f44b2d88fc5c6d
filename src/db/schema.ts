// The on-device database schema, version by version. Never edit a released version: add the
// next one with its upgrade, and extend migrations.test.ts (fake-indexeddb) and
// tests/e2e/db-upgrade.test.ts (Chromium) to prove data carries over. An upgrade calls no living
// code: what it derives is computed by a frozen module of src/db/upgrades, and the middleware
// (dossier-index.ts, dossier-facts.ts, report-packs.ts, vault/middleware.ts) stands aside while an
// upgrade runs: an upgrade that derives from personal fields must open sealed rows itself.
import type Dexie from 'dexie';
import { dossierIndexMiddleware } from './dossier-index';
import { dossierFactsMiddleware } from './dossier-facts';
import { reportPacksMiddleware } from './report-packs';
import type { OutboxEntry } from './rows';
import { upgradeToV4 } from './upgrades/v4-dossier-desk';
import { upgradeToV8 } from './upgrades/v8-search-pairs';
import { vaultMiddleware } from './vault/middleware';
import { loadVaultState } from './vault/state';

export type * from './rows';

export const DB_NAME = 'motcua';

export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    settings: 'key',
    outbox: '++seq, createdAt',
  });
  // v2: outbox entries carry a status, so rejected entries can sit in a visible quarantine
  // without blocking the ones behind them.
  db.version(2)
    .stores({ outbox: '++seq, createdAt, status, [status+seq]' })
    .upgrade((tx) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((entry: Partial<OutboxEntry>) => {
          entry.status ??= 'pending';
          entry.attempts ??= 0;
        }),
    );
  // v3: the procedure catalogue and the intake of dossiers.
  db.version(3).stores({
    catalogues: 'version',
    searchIndexes: 'version',
    drafts: 'id, updatedAt',
    dossiers: 'id, &code, provisionalCode, status, receivedAt, dueAt, procedureCode, field, applicantIdNumber, applicantName, syncState, [status+dueAt]',
    files: 'sha256, createdAt',
    attachments: 'id, ownerId, [ownerId+componentIndex+order], sha256',
    processingLog: '++id, dossierId, at',
  });
  // v4: the dossier desk. Derived index fields (searchWords, openDueAt) and compound indexes, so
  // each list view reads index ranges, never the whole table; and dossierFacts, the small rows a
  // report reads (dossier-facts.ts), both written by the frozen upgradeToV4. Both are kept current
  // by middleware on every later write.
  db.version(4)
    .stores({
      dossiers:
        'id, &code, provisionalCode, status, receivedAt, dueAt, procedureCode, field, applicantIdNumber, applicantName, syncState, [status+dueAt], ' +
        '*searchWords, openDueAt, [status+receivedAt], [field+receivedAt], [procedureCode+receivedAt]',
      dossierFacts: 'id, activeUntil, receivedAt, *activeMonths',
    })
    .upgrade(upgradeToV4);
  // v5: upload state of files sent to the gateway (UploadRow), and the outbox by dossier (entityId),
  // which applying the gateway's answers asks for ("does this dossier still wait?"). Both indexes
  // are built by IndexedDB from the rows already there: nothing to carry over by hand.
  db.version(5).stores({ outbox: '++seq, createdAt, status, [status+seq], entityId', uploads: 'sha256, status' });
  // v6: the capture queue (CaptureQueueRow), photos waiting for the digitizer, so a half-processed
  // batch resumes after a reload. A new table: nothing earlier to carry over.
  db.version(6).stores({ captureQueue: '++seq, ownerId, [ownerId+componentIndex+seq]' });
  // v7: the photos behind a draft's captured pages (PageSourceRow), so a page can be re-opened
  // after a reload. A new table: pages stored before it simply cannot be re-opened.
  db.version(7).stores({ pageSources: 'pageId, ownerId, [ownerId+componentIndex]' });
  // v8: searchPairs, every ordered pair of the applicant's name words ("lo mai", "mai lo", …), so a
  // search of several words reads one short index range ("lo" + "mai…") instead of intersecting
  // the long ranges of common words ("thi", "van"); written for earlier rows by the frozen
  // upgradeToV8, then kept current by dossier-index.ts.
  db.version(8)
    .stores({
      dossiers:
        'id, &code, provisionalCode, status, receivedAt, dueAt, procedureCode, field, applicantIdNumber, applicantName, syncState, [status+dueAt], ' +
        '*searchWords, openDueAt, [status+receivedAt], [field+receivedAt], [procedureCode+receivedAt], *searchPairs',
    })
    .upgrade(upgradeToV8);
  // v9: report packs (ReportPackRow, report-packs.ts), the report facts of a month's dossiers in one
  // row. Derived and built when a report misses one: a new empty table, nothing to carry over. An
  // upgrade that later rewrites the facts must clear this table (the middleware stands aside then).
  db.version(9).stores({ reportPacks: 'key' });
  // v10: the officers who have signed in on this device (OfficerRow, officers.ts), each with the
  // device data key wrapped under their PIN and their staff token sealed. A new table: nothing
  // earlier to carry over, and a device without a row here works as before (no lock).
  db.version(10).stores({ officers: 'staffId' });
  // v11: a sealed dossier's pair tokens carry its receipt time after them (sealer.ts receiptStamp),
  // so a sealed name search pages newest first straight from one token's range. No content upgrade:
  // the tokens already stored are dated in the background (vault/date-pairs.ts). The version itself
  // stops the tabs of older builds, which would go on writing tokens without the time: their
  // database closes at the version change and cannot open again at v10.
  db.version(11).stores({});
  db.use(dossierIndexMiddleware);
  db.use(dossierFactsMiddleware);
  db.use(reportPacksMiddleware);
  // Encryption at rest (issue 13): personal fields sealed below the derived fields above. Whether
  // this device's vault is set up is read on every open, before any other request runs.
  db.use(vaultMiddleware);
  db.on('ready', (vip) => loadVaultState(db, vip), true);
}
