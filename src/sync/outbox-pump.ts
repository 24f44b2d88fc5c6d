// The outbox pump: sends waiting changes to the gateway in order and in batches, one tab at a
// time (Web Locks), and applies the gateway's per-entry answers. Before a batch goes, the files
// of its dossiers are uploaded (file-sender.ts), so the gateway never holds a change naming bytes
// it lacks. Network failures, 408, 429 and 5xx are retried with backoff; 401 (or no token at all)
// stops and asks for the device to be enrolled again, touching no data.
import {
  applyPushResults,
  DEVICE_TOKEN_KEY,
  getDb,
  markDossiersSending,
  nextBatch,
  readDeviceToken,
  readStaffToken,
  vaultState,
  type OutboxEntry,
} from '../db';
import type { MotcuaError } from '../domain/errors';
import { useWorkInProgress } from '../shared/lib/work-in-progress'; // not the index: it pulls in React views
import { backoffDelay, isRetryableStatus } from './backoff';
import { encodePushBody } from './push-body';
import { parsePushResults } from './push-results';
import { sendDossierFiles } from './file-sender';
import { usePump } from './pump-state';
import { syncProblems } from './sync-problems';
import type { Uploader } from './tus-upload';

const BATCH_SIZE = 50;
const LOCK_NAME = 'motcua-sync';
export { DEVICE_TOKEN_KEY };

export interface PumpOptions {
  /** How files travel; tus-js-client in the app, a fake in unit tests. */
  uploader?: Uploader;
  /** The live gateway session of an officer of this device (issue 13), or undefined when they have none (expired, never signed in here). */
  staffToken?: StaffTokenLookup;
}

export type StaffTokenLookup = (staffId: string) => Promise<string | undefined>;

// The officer's token from their last password sign-in here, unsealed with the held data key
// (so it works at a locked screen too); none once it expired: the change then goes on the device's word.
const defaultStaffToken: StaffTokenLookup = async (staffId) => (await readStaffToken(getDb(), staffId))?.token;

let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

type SendOutcome = { kind: 'done' } | { kind: 'retry'; reason: MotcuaError } | { kind: 'auth'; reason: MotcuaError };

function dossiersOf(batch: readonly OutboxEntry[]): string[] {
  return [...new Set(batch.filter((e) => e.kind.startsWith('dossier.')).map((e) => e.entityId))];
}

async function pushBatch(fetchImpl: typeof fetch, token: string, batch: OutboxEntry[], staffToken?: string): Promise<SendOutcome | 'continue'> {
  const db = getDb();
  let response: Response;
  try {
    response = await fetchImpl('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(staffToken ? { 'x-staff-token': staffToken } : {}) },
      // A carried entry goes under the device and number it was made with (absent fields are dropped by JSON).
      body: encodePushBody({
        entries: batch.map((e) => ({ mutation: e.mutation ?? e.seq, originDevice: e.originDevice, kind: e.kind, entityId: e.entityId, payload: e.payload })),
      }),
    });
  } catch (error) {
    return { kind: 'retry', reason: syncProblems.sendOffline(error) };
  }
  // The officer's session ended at the gateway (signed out elsewhere, disabled): the change goes on
  // the device's word, which the gateway records as such, rather than wait for that officer for ever.
  if (response.status === 401 && staffToken) return pushBatch(fetchImpl, token, batch);
  if (response.status === 401) return { kind: 'auth', reason: syncProblems.signedOut() };
  if (!response.ok) {
    if (isRetryableStatus(response.status)) return { kind: 'retry', reason: syncProblems.serverStatus(response.status) };
    // A 4xx for the whole batch (e.g. too large) would repeat forever: quarantine the batch with the reason.
    const text = await response.text().catch(() => '');
    await applyPushResults(
      db,
      batch.map((e) => ({
        mutation: e.seq!,
        status: 'rejected',
        reason: `Máy chủ từ chối lô (${response.status}): ${text.slice(0, 200)}`,
        code: 'entry.batch_refused',
      })),
    );
    return 'continue';
  }
  // Answers name the numbers sent; each is applied to its entry here (one origin per batch, so a number names one).
  const seqOf = new Map(batch.map((e) => [e.mutation ?? e.seq, e.seq!]));
  const results = parsePushResults(await response.json().catch(() => null)).flatMap((r) =>
    seqOf.has(r.mutation) ? [{ ...r, mutation: seqOf.get(r.mutation)! }] : [],
  );
  // Only entries the gateway answered for leave the queue; the others are sent again.
  await applyPushResults(db, results);
  if (results.length === 0) return { kind: 'retry', reason: syncProblems.noAnswer() };
  return 'continue';
}

async function sendBatches(fetchImpl: typeof fetch, options: PumpOptions): Promise<SendOutcome> {
  const db = getDb();
  const token = await readDeviceToken(db);
  for (;;) {
    const batch = await nextBatch(db, BATCH_SIZE);
    if (batch.length === 0) return { kind: 'done' };
    // Mutation numbers are unique per device only: a batch holds entries of one origin (carried ones, issue 14, apart).
    // And of one officer: the push carries that officer's session, against which the gateway checks each change's actor.
    const first = batch[0]!;
    const cut = batch.findIndex((e) => e.originDevice !== first.originDevice || e.staffId !== first.staffId);
    if (cut > 0) batch.length = cut;
    // The gateway takes no change from a device it does not know; asking would only earn a 401.
    if (!token) return { kind: 'auth', reason: syncProblems.notEnrolled() };
    const dossiers = dossiersOf(batch);
    try {
      const files = await sendDossierFiles({ db, fetchImpl, token, ...(options.uploader ? { uploader: options.uploader } : {}) }, dossiers);
      if (files.kind === 'auth') return { kind: 'auth', reason: syncProblems.signedOut() };
      if (files.kind === 'retry') return files;
      const staffToken = first.staffId ? await (options.staffToken ?? defaultStaffToken)(first.staffId) : undefined;
      const pushed = await pushBatch(fetchImpl, token, batch, staffToken);
      if (pushed !== 'continue') return pushed;
    } finally {
      // Dossiers the gateway did not answer for are waiting again, not "sending" for ever.
      await markDossiersSending(db, dossiers, false);
    }
  }
}

/** Runs the pump now, unless another tab is already pumping. */
export async function pumpOutbox(fetchImpl: typeof fetch = fetch, options: PumpOptions = {}): Promise<void> {
  // Sealed payloads cannot be read before an officer unlocks the device (issue 13); the unlock starts a sync (background.ts).
  if (vaultState() === 'locked') return;
  const run = async () => {
    const { hold, release } = useWorkInProgress.getState();
    hold('sync.pump');
    usePump.getState().set({ state: 'sending' });
    try {
      const outcome = await sendBatches(fetchImpl, options);
      if (outcome.kind === 'done') {
        failures = 0;
        usePump.getState().set({ state: 'idle', lastSuccessAt: new Date().toISOString(), lastError: undefined, retryAt: undefined });
      } else if (outcome.kind === 'auth') {
        usePump.getState().set({ state: 'needsSignIn', lastError: outcome.reason });
      } else {
        failures++;
        const delay = backoffDelay(failures);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => void pumpOutbox(fetchImpl, options), delay);
        usePump.getState().set({ state: 'waitingToRetry', lastError: outcome.reason, retryAt: new Date(Date.now() + delay).toISOString() });
      }
    } catch (error) {
      // A local fault (storage full, a bug): say so rather than stay "sending" for ever.
      usePump.getState().set({ state: 'waitingToRetry', lastError: syncProblems.local(error) });
    } finally {
      release('sync.pump');
    }
  };
  const locks = globalThis.navigator?.locks;
  if (locks?.request) {
    await locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => (lock ? run() : undefined));
  } else {
    await run();
  }
}

/** Stops a scheduled retry (tests, and a device being enrolled again). */
export function cancelPumpRetry(): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  failures = 0;
}
