// src/db offers the device database and its repositories; nothing else touches IndexedDB.
export { MotcuaDb, getDb } from './db';
export {
  DB_NAME,
  type AttachmentRow,
  type CatalogueRow,
  type DossierRow,
  type DossierChangedBy,
  type DraftRow,
  type FileRow,
  type OutboxEntry,
  type OutboxStatus,
  type ProcessingLogRow,
  type SearchIndexRow,
  type SettingRow,
  type UploadRow,
  type CaptureQueueRow,
  type PageSourceRow,
  type OfficerRow,
} from './schema';
export { readSetting, writeSetting, emptyDeskProfile, type DeskProfile } from './settings';
// The PIN and password work (officers.ts) is imported from its module by the lazily loaded lock
// screen: the first screen carries only the lock, the idle time and the staff tokens.
export { countDeviceOfficers, lockDevice, readLockAfterMinutes, writeLockAfterMinutes, DEFAULT_LOCK_AFTER_MINUTES } from './officer-lock';
export { onVaultSetUp } from './vault-hook';
export { openVault, sealExistingData, vaultState, type SealProgress, type VaultState } from './vault/state';
export { readStaffToken, type StaffToken } from './staff-token';
export {
  countUnsynced,
  nextBatch,
  listQuarantine,
  applyPushResults,
  resendEntry,
  correctRefusedDossier,
  CORRECTABLE_KINDS,
  QuarantineFixError,
  type DossierPeople,
  type PushResult,
} from './outbox';
export { isQuotaError } from './errors';
export { requestPersistentStorage, readStorageStatus, isStorageLow, LOW_FREE_SPACE_BYTES, type StorageStatus } from './storage';
export {
  createDraft,
  writeDraft,
  DraftGoneError,
  getDraft,
  listDrafts,
  deleteDraft,
  receiveDossier,
  getDossier,
  getDossiers,
  recentDossiers,
  PdfPendingError,
  type ReceiveWrite,
  type ReceivedNumber,
} from './intake';
export { RESERVE_KEY, readCodeReserve, takeCode, mergeCodeBlocks, CodeReserveError, type ReserveOwner } from './code-reserve';
export { readCurrentCatalogue } from './current-catalogue';
export { attachFile, removeAttachment, listAttachments } from './attachments';
export {
  pagesOwnerId,
  addComponentPages,
  listComponentPages,
  replaceComponentPage,
  removeComponentPage,
  reorderComponentPages,
  pagesKey,
  saveComponentDeliverables,
  listComponentDeliverables,
  deliverablesAreCurrent,
  deleteComponent,
  listDigitizedDocuments,
  addDigitizedDocument,
  listCitizenPapers,
  type CitizenPaper,
  LOOSE_PAPERS_PREFIX,
  componentsAwaitingPdf,
  dropPages,
  keepFetchedFile,
  type NewStoredFile,
  type StoredPage,
  type DigitizedDocument,
} from './files';
export {
  enqueueCapture,
  listCaptureQueue,
  openQueuedPhoto,
  storeQueuedPage,
  dropQueuedPhoto,
  queuedComponents,
  componentsInCapture,
  clearCaptureQueue,
  ownersWithQueuedPhotos,
  type QueuedPhoto,
} from './capture-queue';
export { readPageSource, pagesWithSource, remakePage, type PageMaking } from './page-sources';
export {
  getOrCreateDevice,
  readCommune,
  readDeviceToken,
  saveEnrolment,
  deviceRoleOf,
  readDeviceRole,
  DEVICE_TOKEN_KEY,
  DEVICE_KEY,
  COMMUNE_KEY,
  type DeviceIdentity,
  type DeviceRole,
  type CommuneInfo,
  type Enrolment,
} from './device';
export {
  readInstalledCatalogue,
  readCatalogueVersion,
  readCatalogueSummary,
  installCatalogue,
  readSearchIndex,
  saveSearchIndex,
  readCatalogueUpdate,
  recordCatalogueUpdate,
  CATALOGUE_UPDATE_KEY,
  type InstalledCatalogue,
  type CatalogueSummary,
  type CatalogueUpdateRecord,
  type InstallResult,
  type InstallOptions,
} from './catalogue';
export {
  readDossierState,
  readDossierData,
  RESULT_COMPONENT_INDEX,
  supplementComponentIndex,
  supplementItemOf,
  type DossierData,
  type SupplementItem,
  type SupplementRecord,
  type StoredRating,
} from './dossier-data';
export { dossierIndexFields, searchTokens, type DossierIndexFields } from './dossier-index';
export { factsOf, recordOfFacts, toReportRecord, FACTS_TABLE, OPEN_END, type DossierFactsRow } from './dossier-facts';
export {
  queryDossiers,
  queryDossierIds,
  dossierFacets,
  countDossierViews,
  plainView,
  DOSSIER_VIEWS,
  emptyDossierFilter,
  type DossierFilter,
  type DossierView,
  type DossierList,
} from './dossier-query';
export {
  commitDossierChange,
  listProcessingLog,
  outboxEntriesFor,
  readFileBlob,
  readStoredFile,
  storedBlob,
  DossierNotFoundError,
  type DossierChange,
} from './dossier-changes';
export {
  receivePulledSubmission,
  SubmissionNotWaitingError,
  listWaitingSubmissions,
  countWaitingSubmissions,
  type WaitingSubmission,
} from './submission-receipt';
export { loadReportRecords, loadReportRecordsFromFacts, dropReportPacks, receivedYearRange, watchReportFacts } from './report-records';
export { PACKS_TABLE, type ReportPackRow } from './report-packs';
export {
  applyPullPage,
  readPullCheckpoint,
  resetPullCheckpoint,
  PULL_CHECKPOINT_KEY,
  CATALOGUE_OFFERED_KEY,
  type PulledChange,
  type PulledPage,
  type PageApplied,
} from './pull-apply';
export { pulledRow, missingLogRows, type PulledDossier, type PulledAuthor, type PulledLogEntry } from './pulled-dossier';
export {
  readUpload,
  recordUploadUrl,
  recordUploadOffset,
  recordUploadDone,
  recordUploadFailed,
  recordUploadDamaged,
  filesOfDossier,
  dossierFileProgress,
  markDossiersSending,
  type FileProgress,
} from './uploads';
// The backup file's export and merge (backup.ts) are imported from their module by the lazily loaded
// settings code, not from here: the first screen's chunk of src/db would otherwise carry them.
export { newMasterKey, holdMasterKey, heldMasterKey, forgetMasterKey, onMasterKeyChange, MASTER_KEY_BYTES } from './vault/key-holder';
export { currentOfficer, setCurrentOfficer, onCurrentOfficerChange, type Officer, type OfficerRole } from './session';
export { readDeskActor, deskOfficer, type DeskActor } from './desk-actor';
