// Service-worker registration and updates through workbox-window. A new version waits for the
// officer: it never reloads a page holding unsaved input or a sync in flight, and if postponed it
// is applied at the next start, before anything is on screen.
import { Workbox } from 'workbox-window';
import { create } from 'zustand';
import { hasWorkInProgress } from '../shared';

type UpdateState = 'none' | 'waiting' | 'blocked' | 'postponed' | 'applying';

interface UpdateStore {
  state: UpdateState;
  set(state: UpdateState): void;
}

export const useUpdate = create<UpdateStore>((set) => ({ state: 'none', set: (state) => set({ state }) }));

const postponedKey = 'motcua.update.postponed';
let workbox: Workbox | undefined;

/**
 * At start, before the app renders: if the officer postponed an update last time, apply it now,
 * when no input can be lost. Resolves to true when the page is about to reload.
 */
export async function applyPostponedUpdate(): Promise<boolean> {
  if (!('serviceWorker' in navigator) || localStorage.getItem(postponedKey) !== '1') return false;
  localStorage.removeItem(postponedKey);
  // Never hold the start on the lookup: if it does not answer soon, start as usual (the prompt
  // comes back through workbox when the new version is still waiting).
  const registration = await Promise.race([
    navigator.serviceWorker.getRegistration(),
    new Promise<undefined>((resolve) => window.setTimeout(() => resolve(undefined), 3_000)),
  ]);
  const waiting = registration?.waiting;
  if (!waiting) return false;
  // Reload once the new version controls the page. On a loaded machine the takeover can finish
  // without a controllerchange reaching this page (it may activate between the lookup above and
  // the message), so the worker's own state and a deadline also end the wait: nothing is on
  // screen yet and the postponed flag is cleared, so a reload here is always safe and never loops.
  let reloaded = false;
  const reload = () => {
    if (reloaded) return;
    reloaded = true;
    window.location.reload();
  };
  navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
  waiting.addEventListener('statechange', () => (waiting.state === 'activated' || waiting.state === 'redundant') && reload());
  window.setTimeout(reload, 5_000);
  waiting.postMessage({ type: 'SKIP_WAITING' });
  return true;
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => useUpdate.getState().set('waiting'));
  workbox.addEventListener('controlling', () => {
    // Only the update the officer asked for reloads; the first install's takeover never does.
    // (Workbox's isUpdate is false in the session that first installed, so we keep our own state.)
    if (useUpdate.getState().state === 'applying') window.location.reload();
  });
  void workbox.register();
  const checkForUpdate = () => void workbox?.update().catch(() => {});
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && checkForUpdate());
  window.setInterval(checkForUpdate, 60 * 60 * 1000);
}

export function applyUpdateNow(): void {
  if (hasWorkInProgress()) {
    useUpdate.getState().set('blocked');
    return;
  }
  useUpdate.getState().set('applying');
  workbox?.messageSkipWaiting();
}

export function postponeUpdate(): void {
  localStorage.setItem(postponedKey, '1');
  useUpdate.getState().set('postponed');
}
