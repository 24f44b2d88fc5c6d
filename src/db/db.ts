// The Dexie database of this device: the only way the app touches IndexedDB.
import Dexie, { type EntityTable } from 'dexie';
import type { DossierFactsRow } from './dossier-facts';
import type { ReportPackRow } from './report-packs';
import {
  DB_NAME,
  declareSchema,
  type AttachmentRow,
  type CaptureQueueRow,
  type CatalogueRow,
  type DossierRow,
  type DraftRow,
  type FileRow,
  type OfficerRow,
  type OutboxEntry,
  type PageSourceRow,
  type ProcessingLogRow,
  type SearchIndexRow,
  type SettingRow,
  type UploadRow,
} from './schema';

export class MotcuaDb extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  catalogues!: EntityTable<CatalogueRow, 'version'>;
  searchIndexes!: EntityTable<SearchIndexRow, 'version'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  dossiers!: EntityTable<DossierRow, 'id'>;
  files!: EntityTable<FileRow, 'sha256'>;
  attachments!: EntityTable<AttachmentRow, 'id'>;
  processingLog!: EntityTable<ProcessingLogRow, 'id'>;
  uploads!: EntityTable<UploadRow, 'sha256'>;
  captureQueue!: EntityTable<CaptureQueueRow, 'seq'>;
  pageSources!: EntityTable<PageSourceRow, 'pageId'>;
  /** Written by dossier-facts.ts's middleware only; listed by every read-write transaction that writes dossiers or files. */
  dossierFacts!: EntityTable<DossierFactsRow, 'id'>;
  /** Derived from dossierFacts (report-packs.ts): dropped by its middleware on every facts write, rebuilt by report-records.ts. */
  reportPacks!: EntityTable<ReportPackRow, 'key'>;
  /** The officers signed in on this device (officers.ts): PINs' wrapped keys and sealed staff tokens. */
  officers!: EntityTable<OfficerRow, 'staffId'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareSchema(this);
  }
}

let instance: MotcuaDb | undefined;

/** The app's single database connection, opened on first use. */
export function getDb(): MotcuaDb {
  instance ??= new MotcuaDb();
  return instance;
}
