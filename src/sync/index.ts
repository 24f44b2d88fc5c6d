// src/sync offers the client side of sync: connectivity and the pending count, the outbox pump and
// what triggers it, the pull, the code reserve, catalogue updates, the commune and device enrolment.
export { useConnectivity, checkConnection, watchConnectivity, probeGateway, type ConnectionState } from './connectivity';
export { usePendingCount } from './pending';
export { refreshCommune } from './commune';
export { refillCodeReserve, RESERVE_KEY } from './code-reserve';
export { startBackgroundRefresh } from './background';
export {
  ensureCatalogue,
  updateCatalogue,
  watchCatalogueUpdates,
  catalogueUrl,
  type CatalogueTools,
  type PreparedCatalogue,
  type UpdateContext,
} from './catalogue-update';
export { usePump, type PumpState } from './pump-state';
export { syncNow, startSyncTriggers } from './triggers';
export { enrolDevice } from './enrol-entry';
export type { EnrolResult, EnrolFailure } from './enrol';
export { authHeaders } from './auth';
export { fetchPaper } from './file-fetch';
// The pull is loaded on first use by triggers.ts and background.ts; only its types are offered here.
export type { PullOutcome, PullOptions } from './pull';
