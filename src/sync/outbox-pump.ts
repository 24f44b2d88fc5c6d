// The outbox pump: sends waiting changes to the gateway in order and in batches, one tab at a
// time (Web Locks), and applies the gateway's per-entry answers. Network failures, 408, 429 and
// 5xx are retried with backoff; 401 stops and asks the officer to sign in again, touching no data.
import { applyPushResults, getDb, nextBatch, readSetting, type PushResult } from '../db';
import { backoffDelay, isRetryableStatus } from './backoff';
import { useWorkInProgress } from '../shared';
import { usePump } from './pump-state';

const BATCH_SIZE = 50;
const LOCK_NAME = 'motcua-sync';
export const DEVICE_TOKEN_KEY = 'deviceToken';

let failures = 0;
let retryTimer: number | undefined;

type SendOutcome = { kind: 'done' } | { kind: 'retry'; reason: string } | { kind: 'auth' };

async function sendBatches(fetchImpl: typeof fetch): Promise<SendOutcome> {
  const db = getDb();
  const token = await readSetting<string | undefined>(db, DEVICE_TOKEN_KEY, undefined);
  for (;;) {
    const batch = await nextBatch(db, BATCH_SIZE);
    if (batch.length === 0) return { kind: 'done' };
    let response: Response;
    try {
      response = await fetchImpl('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ entries: batch.map((e) => ({ mutation: e.seq, kind: e.kind, entityId: e.entityId, payload: e.payload })) }),
      });
    } catch (error) {
      return { kind: 'retry', reason: `Mất kết nối khi gửi (${error instanceof Error ? error.message : String(error)})` };
    }
    if (response.status === 401) return { kind: 'auth' };
    if (!response.ok) {
      if (isRetryableStatus(response.status)) return { kind: 'retry', reason: `Máy chủ trả lời ${response.status}` };
      // A 4xx for the whole batch (e.g. too large) would repeat forever: quarantine the batch with the reason.
      const text = await response.text().catch(() => '');
      await applyPushResults(db, batch.map((e) => ({ mutation: e.seq!, status: 'rejected', reason: `Máy chủ từ chối lô (${response.status}): ${text.slice(0, 200)}` })));
      continue;
    }
    const body = (await response.json()) as { results?: PushResult[] };
    const results = body.results ?? [];
    // Only entries the gateway answered for leave the queue; the others are sent again.
    await applyPushResults(db, results);
    if (results.length === 0) return { kind: 'retry', reason: 'Máy chủ không trả lời cho lô này' };
  }
}

/** Runs the pump now, unless another tab is already pumping. */
export async function pumpOutbox(fetchImpl: typeof fetch = fetch): Promise<void> {
  const run = async () => {
    const { hold, release } = useWorkInProgress.getState();
    hold('sync.pump');
    usePump.getState().set({ state: 'sending' });
    try {
      const outcome = await sendBatches(fetchImpl);
      if (outcome.kind === 'done') {
        failures = 0;
        usePump.getState().set({ state: 'idle', lastSuccessAt: new Date().toISOString(), lastError: undefined, retryAt: undefined });
      } else if (outcome.kind === 'auth') {
        usePump.getState().set({ state: 'needsSignIn', lastError: 'Phiên làm việc đã hết hạn: hãy kích hoạt lại thiết bị / đăng nhập lại.' });
      } else {
        failures++;
        const delay = backoffDelay(failures);
        window.clearTimeout(retryTimer);
        retryTimer = window.setTimeout(() => void pumpOutbox(fetchImpl), delay);
        usePump.getState().set({ state: 'waitingToRetry', lastError: outcome.reason, retryAt: new Date(Date.now() + delay).toISOString() });
      }
    } finally {
      release('sync.pump');
    }
  };
  if (navigator.locks?.request) {
    await navigator.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => (lock ? run() : undefined));
  } else {
    await run();
  }
}
