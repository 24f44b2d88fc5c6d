// The pull client: brings what changed in the commune since the device's checkpoint (other desks'
// moves, who made them, new catalogue versions), page by page, one tab at a time (Web Locks). Each
// page and its checkpoint are written in one transaction (src/db/pull-apply.ts). The contract is
// the header of server/sync/pull.ts.
import {
  CATALOGUE_OFFERED_KEY,
  applyPullPage,
  getDb,
  readCatalogueVersion,
  readDeviceToken,
  readPullCheckpoint,
  readSetting,
  resetPullCheckpoint,
  vaultState,
  type MotcuaDb,
} from '../db';
import { isRetryableStatus } from './backoff';
import { updateWatchedCatalogue } from './catalogue-update';
import { parsePullAnswer } from './pull-schema';
import { problemOf, reportPull, type PullOutcome } from './pull-report';

export type { PullOutcome };

export const pullUrl = '/api/sync/pull';
const PAGE_SIZE = 200;
const LOCK_NAME = 'motcua-pull';

export interface PullOptions {
  db?: MotcuaDb;
  fetchImpl?: typeof fetch;
  pageSize?: number;
  /** Fetches and installs the newer catalogue the gateway announced (default: the shell's catalogue tools). */
  updateCatalogue?: () => Promise<unknown>;
}

async function pullPages(db: MotcuaDb, fetchImpl: typeof fetch, pageSize: number): Promise<PullOutcome> {
  const token = await readDeviceToken(db);
  if (!token) return { kind: 'notEnrolled' };
  let since = await readPullCheckpoint(db);
  let resets = 0;
  const total = { pages: 0, applied: 0, keptForOutbox: 0 };
  for (;;) {
    let response: Response;
    try {
      response = await fetchImpl(`${pullUrl}?since=${since}&limit=${pageSize}`, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
    } catch {
      return { kind: 'unreachable' };
    }
    if (response.status === 401) return { kind: 'auth' };
    if (!response.ok)
      return isRetryableStatus(response.status) ? { kind: 'unreachable', status: response.status } : { kind: 'refused', status: response.status };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // Not JSON, or the body broke off: a captive portal's page, or a dropped link.
      return { kind: 'malformed', problem: 'không phải JSON' };
    }
    const parsed = parsePullAnswer(body, since);
    if (!parsed.ok) return { kind: 'malformed', problem: parsed.problem };
    const { answer } = parsed;
    if (answer.reset) {
      // The gateway was restored from a backup. A second reset in one run would loop forever.
      if (++resets > 1) return { kind: 'malformed', problem: 'máy chủ yêu cầu nhận lại từ đầu nhiều lần' };
      await resetPullCheckpoint(db);
      since = 0;
      continue;
    }
    // Nothing new (the usual answer to the timer's pull): nothing to write either.
    if (answer.changes.length === 0 && answer.checkpoint === since) return { kind: 'done', checkpoint: since, ...total };
    try {
      const page = await applyPullPage(db, answer);
      total.applied += page.applied;
      total.keptForOutbox += page.keptForOutbox;
    } catch (error) {
      return { kind: 'writeFailed', problem: problemOf(error) };
    }
    total.pages++;
    since = answer.checkpoint;
    if (!answer.hasMore) return { kind: 'done', checkpoint: since, ...total };
  }
}

async function runPull({ db = getDb(), fetchImpl = fetch, pageSize = PAGE_SIZE, updateCatalogue = updateWatchedCatalogue }: PullOptions): Promise<PullOutcome> {
  let outcome: PullOutcome;
  try {
    outcome = await pullPages(db, fetchImpl, pageSize);
  } catch (error) {
    // The device's own database failed (closed by an upgrade in another tab, storage trouble).
    outcome = { kind: 'writeFailed', problem: problemOf(error) };
  }
  reportPull(outcome);
  if (outcome.kind === 'done') {
    // Kept until installed: if this download fails, the next pull asks again.
    const offered = await readSetting<number>(db, CATALOGUE_OFFERED_KEY, 0);
    if (offered > ((await readCatalogueVersion(db)) ?? 0)) await updateCatalogue().catch(() => undefined);
  }
  return outcome;
}

async function runLocked(options: PullOptions): Promise<PullOutcome> {
  // A device whose data is sealed cannot write what it pulls before an officer unlocks it (issue 13);
  // the unlock itself starts a sync (background.ts).
  if (vaultState() === 'locked') return { kind: 'busy' };
  const locks = globalThis.navigator?.locks;
  if (!locks?.request) return runPull(options);
  return await locks.request(LOCK_NAME, { ifAvailable: true }, async (lock): Promise<PullOutcome> => (lock ? runPull(options) : { kind: 'busy' }));
}

// One pull at a time in this page; a request made while one runs is answered by one more run
// after it (the change that prompted it may have come too late for the running one).
let tail: Promise<unknown> = Promise.resolve();
let queued: Promise<PullOutcome> | undefined;

/** Pulls every page the gateway has for this device now. Never throws for network trouble. */
export function pullChanges(options: PullOptions = {}): Promise<PullOutcome> {
  queued ??= tail.then(() => {
    queued = undefined;
    return runLocked(options);
  });
  tail = queued.catch(() => undefined);
  return queued;
}
