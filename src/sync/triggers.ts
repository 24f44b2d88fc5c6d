// When the outbox pump runs: at start, when the gateway becomes reachable (background.ts), on a
// timer while changes wait, and on the "Đồng bộ ngay" button. All of these need the app open: the
// pump lives in the page, and there is no Background Sync (a service worker cannot upload the
// files through tus), so a device closed with changes waiting sends them when next opened. Each
// push is followed by a pull, so the gateway's answer to this device's own changes comes back first.
import { countUnsynced, getDb } from '../db';
import { useConnectivity } from './connectivity';
import { usePump } from './pump-state';

// Loaded on first use: the pump, its file uploads and their state stay off the first screen.
const pumpOutbox = async (): Promise<void> => (await import('./outbox-pump')).pumpOutbox();
// The pull (and its answer schema) likewise.
const pullChanges = async (): Promise<unknown> => (await import('./pull')).pullChanges();
const TIMER_MS = 60_000;

export async function syncNow(): Promise<void> {
  if (useConnectivity.getState().state === 'offline') {
    usePump.getState().set({ state: 'offline' });
    return;
  }
  await pumpOutbox();
  await pullChanges();
}

export function startSyncTriggers(): () => void {
  const timer = window.setInterval(() => {
    if (useConnectivity.getState().state !== 'online') return;
    void countUnsynced(getDb()).then(async (n) => {
      if (n > 0 && usePump.getState().state !== 'sending') await pumpOutbox();
      // Other desks' changes arrive even when this device has nothing to send.
      await pullChanges();
    });
  }, TIMER_MS);
  return () => {
    window.clearInterval(timer);
  };
}
