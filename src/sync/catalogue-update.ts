// Keeps the device's procedure catalogue current: seeds the bundled demo on first run, and when
// the gateway is reachable fetches the commune's catalogue, has it validated whole off the main
// thread, and swaps it in only if it is complete, valid and newer. Anything else changes nothing
// and is recorded with its reason, for Cài đặt and the search page to show.
import type { Catalogue } from '../domain/catalogue';
import { getDb, installCatalogue, readCatalogueVersion, readCommune, recordCatalogueUpdate, type CatalogueUpdateRecord, type MotcuaDb } from '../db';
import { useConnectivity } from './connectivity';

export type PreparedCatalogue = { ok: true; catalogue: Catalogue; index: string } | { ok: false; reason: 'corrupt' | 'invalid'; message: string };

/**
 * The heavy steps, done by the catalogue worker (workers/catalogue.client.ts). Handed in by the
 * shell because sync may not import worker clients, and so tests can run them in-process.
 */
export interface CatalogueTools {
  /** Parse and validate a downloaded body whole, and build its search index. */
  prepare(body: string): Promise<PreparedCatalogue>;
  /** The bundled demo catalogue with its index. */
  demo(): Promise<PreparedCatalogue>;
}

export interface UpdateContext {
  db?: MotcuaDb;
  fetchImpl?: typeof fetch;
}

export const catalogueUrl = '/api/catalogue';

// One seed and one update at a time per page: the start-up check, the `online` transition and
// the Cài đặt button may all ask at once, and they should share one download.
let seeding: Promise<void> | undefined;
let updating: Promise<CatalogueUpdateRecord> | undefined;

/** Installs the bundled demo catalogue if the device has none (first run, possibly offline). */
export function ensureCatalogue(tools: CatalogueTools, db: MotcuaDb = getDb()): Promise<void> {
  seeding ??= (async () => {
    if ((await readCatalogueVersion(db)) !== undefined) return;
    const demo = await tools.demo();
    if (!demo.ok) throw new Error(demo.message); // the bundled file is broken: a build bug
    await installCatalogue(db, demo.catalogue, demo.index, { onlyIfEmpty: true });
  })().finally(() => {
    seeding = undefined;
  });
  return seeding;
}

/** Asks the gateway for a newer catalogue and installs it if it is whole, valid and newer. */
export function updateCatalogue(tools: CatalogueTools, context: UpdateContext = {}): Promise<CatalogueUpdateRecord> {
  updating ??= runUpdate(tools, context).finally(() => {
    updating = undefined;
  });
  return updating;
}

async function runUpdate(tools: CatalogueTools, { db = getDb(), fetchImpl = fetch }: UpdateContext): Promise<CatalogueUpdateRecord> {
  await ensureCatalogue(tools, db);
  const record = await fetchAndInstall(tools, db, fetchImpl);
  // An installation recorded itself inside its own transaction.
  if (record.kind !== 'installed') await recordCatalogueUpdate(db, record);
  return record;
}

async function fetchAndInstall(tools: CatalogueTools, db: MotcuaDb, fetchImpl: typeof fetch): Promise<CatalogueUpdateRecord> {
  const at = new Date().toISOString();
  const current = await readCatalogueVersion(db);
  const kept = current ?? 0;
  const commune = (await readCommune(db))?.id;
  const url = commune ? `${catalogueUrl}?commune=${encodeURIComponent(commune)}` : catalogueUrl;
  let response: Response;
  try {
    // The gateway's ETag names the version (server/http/catalogue-routes.ts); it answers 304
    // when the device already has it.
    const headers: HeadersInit = current !== undefined ? { 'If-None-Match': `W/"catalogue-${kept}"` } : {};
    response = await fetchImpl(url, { cache: 'no-store', headers });
  } catch {
    // No answer at all (the link dropped after the last connectivity check): nothing to report
    // beyond "unreachable"; the browser's own wording ("Failed to fetch") would not help an officer.
    return { at, kind: 'failed' };
  }
  if (response.status === 304) return { at, kind: 'up-to-date', version: kept };
  if (!response.ok) return { at, kind: 'failed', status: response.status, detail: await errorMessage(response) };

  let body: string;
  try {
    body = await response.text();
  } catch {
    // The connection broke while the body was arriving: a partial download.
    return { at, kind: 'refused', reason: 'corrupt', version: kept, detail: 'tải về bị ngắt giữa chừng' };
  }
  const prepared = await tools.prepare(body);
  if (!prepared.ok) return { at, kind: 'refused', reason: prepared.reason, version: kept, detail: prepared.message };

  const offered = prepared.catalogue.version;
  if (offered === kept) return { at, kind: 'up-to-date', version: kept };
  if (offered < kept) return { at, kind: 'refused', reason: 'older', version: kept, offered };
  const result = await installCatalogue(db, prepared.catalogue, prepared.index, { recordAt: at });
  if (result.kind === 'kept') {
    // Another tab installed this or a newer version meanwhile.
    return offered < result.currentVersion
      ? { at, kind: 'refused', reason: 'older', version: result.currentVersion, offered }
      : { at, kind: 'up-to-date', version: result.currentVersion };
  }
  return { at, kind: 'installed', version: offered, issuedAt: prepared.catalogue.issuedAt };
}

async function errorMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : undefined;
  } catch {
    return undefined;
  }
}

// The tools the shell handed to watchCatalogueUpdates, so pull can ask for the newer catalogue it
// announces without importing the worker client (sync may not).
let watchedTools: CatalogueTools | undefined;

/** Fetches and installs a newer catalogue with the shell's tools; does nothing before the shell started watching. */
export async function updateWatchedCatalogue(): Promise<void> {
  if (watchedTools) await updateCatalogue(watchedTools);
}

/**
 * Seeds the catalogue now, then checks for a newer one whenever the gateway becomes reachable:
 * on start (the first check that finds it online) and after the browser's `online` event
 * (which makes the connectivity watch ask the gateway again). Reacting to the confirmed state
 * rather than to the raw event avoids downloading through a captive portal. Returns a stop function.
 */
export function watchCatalogueUpdates(tools: CatalogueTools): () => void {
  watchedTools = tools;
  const check = () => void updateCatalogue(tools).catch(() => {});
  void ensureCatalogue(tools)
    .then(() => {
      if (useConnectivity.getState().state === 'online') check();
    })
    .catch(() => {});
  return useConnectivity.subscribe((state, previous) => {
    if (state.state === 'online' && previous.state !== 'online') check();
  });
}
