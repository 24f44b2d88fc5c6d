// When the outbox pump runs: at start, when the gateway becomes reachable (background.ts), on a
// timer while changes wait, on the "Đồng bộ ngay" button, and when the service worker's
// Background Sync fires (it wakes the page even if the tab sat in the background).
import { countUnsynced, getDb } from '../db';
import { useConnectivity } from './connectivity';
import { pumpOutbox } from './outbox-pump';
import { usePump } from './pump-state';

const SYNC_TAG = 'motcua-sync';
const TIMER_MS = 60_000;

export async function syncNow(): Promise<void> {
  if (useConnectivity.getState().state === 'offline') {
    usePump.getState().set({ state: 'offline' });
    await requestBackgroundSync();
    return;
  }
  await pumpOutbox();
}

/** Asks the browser to wake us when connectivity returns (Chromium's Background Sync). */
async function requestBackgroundSync(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
  await sync?.register(SYNC_TAG).catch(() => {});
}

export function startSyncTriggers(): () => void {
  const onMessage = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === SYNC_TAG) void pumpOutbox();
  };
  navigator.serviceWorker?.addEventListener('message', onMessage);
  const timer = window.setInterval(() => {
    void countUnsynced(getDb()).then((n) => {
      if (n > 0 && useConnectivity.getState().state === 'online' && usePump.getState().state !== 'sending') void pumpOutbox();
    });
  }, TIMER_MS);
  return () => {
    navigator.serviceWorker?.removeEventListener('message', onMessage);
    window.clearInterval(timer);
  };
}
