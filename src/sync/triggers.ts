// When the outbox pump runs: at start, when the gateway becomes reachable (background.ts), on a
// timer while changes wait, on the "Đồng bộ ngay" button, and when the service worker's
// Background Sync fires (it wakes the page even if the tab sat in the background). Each push is
// followed by a pull, so the gateway's answer to this device's own changes comes back first.
import { countUnsynced, getDb } from '../db';
import { useConnectivity } from './connectivity';
import { usePump } from './pump-state';

const SYNC_TAG = 'motcua-sync';
// Loaded on first use: the pump, its file uploads and their state stay off the first screen.
const pumpOutbox = async (): Promise<void> => (await import('./outbox-pump')).pumpOutbox();
// The pull (and its answer schema) likewise.
const pullChanges = async (): Promise<unknown> => (await import('./pull')).pullChanges();
const TIMER_MS = 60_000;

export async function syncNow(): Promise<void> {
  if (useConnectivity.getState().state === 'offline') {
    usePump.getState().set({ state: 'offline' });
    await requestBackgroundSync();
    return;
  }
  await pumpOutbox();
  await pullChanges();
}

/** Asks the browser to wake us when connectivity returns (Chromium's Background Sync). */
async function requestBackgroundSync(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
  await sync?.register(SYNC_TAG).catch(() => {});
}

export function startSyncTriggers(): () => void {
  const onMessage = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === SYNC_TAG) void pumpOutbox().then(() => pullChanges());
  };
  navigator.serviceWorker?.addEventListener('message', onMessage);
  const timer = window.setInterval(() => {
    if (useConnectivity.getState().state !== 'online') return;
    void countUnsynced(getDb()).then(async (n) => {
      if (n > 0 && usePump.getState().state !== 'sending') await pumpOutbox();
      // Other desks' changes arrive even when this device has nothing to send.
      await pullChanges();
    });
  }, TIMER_MS);
  return () => {
    navigator.serviceWorker?.removeEventListener('message', onMessage);
    window.clearInterval(timer);
  };
}
