// Service-worker registration and updates through workbox-window. A new version waits for the
// officer: it never reloads a page holding unsaved input or a sync in flight (asked when the
// officer agrees, and again when the new version has taken over, as input may have come in
// between), and if postponed it is applied at the next start, before anything is on screen.
import type { Workbox } from 'workbox-window';
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
/** The new version took over while work was held: the page only waits for the officer to reload it. */
let tookOver = false;

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
  await pageSettled();
  if (await takeOver(waiting)) {
    window.location.reload();
    return true;
  }
  // The new version did not take over in time: start on the old one and try again next time.
  localStorage.setItem(postponedKey, '1');
  return false;
}

/**
 * Resolves once the page has loaded and its late requests (the favicon comes after load) are done.
 *
 * Why: on skipWaiting Chromium stops the old worker before activating the new one; a request
 * from this page arriving at that moment restarts the old worker and the activation is dropped
 * until the page goes away (seen on a loaded machine). Asking only once the page is quiet avoids it.
 */
function pageSettled(): Promise<void> {
  return new Promise((resolve) => {
    const afterLoad = () => window.setTimeout(resolve, 300);
    if (document.readyState === 'complete') afterLoad();
    else window.addEventListener('load', afterLoad, { once: true });
  });
}

/**
 * Asks the waiting worker to take over; true once it is activating (the reload then waits for
 * it), false when it has not within the deadline. We never reload before the takeover: a
 * navigation sent to the old worker just as it is replaced can hang.
 */
function takeOver(waiting: ServiceWorker): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (tookOver: boolean) => {
      window.clearTimeout(deadline);
      resolve(tookOver); // later calls are no-ops on a settled promise
    };
    const check = () => {
      if (waiting.state === 'activating' || waiting.state === 'activated') finish(true);
      else if (waiting.state === 'redundant') finish(false);
    };
    navigator.serviceWorker.addEventListener('controllerchange', () => finish(true), { once: true });
    waiting.addEventListener('statechange', check);
    const deadline = window.setTimeout(() => finish(false), 10_000);
    waiting.postMessage({ type: 'SKIP_WAITING' });
    check();
  });
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // Loaded after the first screen's code, which must stay within its budget (tests/unit/bundle-budget.test.ts).
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => useUpdate.getState().set('waiting'));
  workbox.addEventListener('controlling', () => {
    // Only the update the officer asked for reloads; the first install's takeover never does.
    // (Workbox's isUpdate is false in the session that first installed, so we keep our own state.)
    if (useUpdate.getState().state !== 'applying') return;
    // Asked again now: the officer may have typed (or a sync started) while the new version took over.
    if (hasWorkInProgress()) {
      tookOver = true;
      useUpdate.getState().set('blocked');
      return;
    }
    window.location.reload();
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
  // Already in control (held back at takeover): nothing waits any more, the reload is all that is left.
  if (tookOver) window.location.reload();
  else workbox?.messageSkipWaiting();
}

export function postponeUpdate(): void {
  localStorage.setItem(postponedKey, '1');
  useUpdate.getState().set('postponed');
}
