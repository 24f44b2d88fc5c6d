// The postponed update at start: it reloads only once the new version has taken over, and when
// the browser never lets it take over, the app starts on the old version and tries next time.
// The prompt's update: unsaved work is asked about when the officer agrees AND when the new
// version takes over, so input typed in between postpones the reload instead of losing it.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { useWorkInProgress as WorkInProgress } from '../shared';
import type * as ServiceWorkerModule from './service-worker';

class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installed';
  constructor(private readonly onMessage: (worker: FakeWorker) => void) {
    super();
  }
  postMessage(message: { type: string }): void {
    if (message.type === 'SKIP_WAITING') this.onMessage(this);
  }
  becomes(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

let reload: ReturnType<typeof vi.fn>;
let stored: Map<string, string>;

function install(waiting: FakeWorker | null): void {
  stored = new Map([['motcua.update.postponed', '1']]);
  reload = vi.fn();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
    removeItem: (key: string) => stored.delete(key),
  });
  vi.stubGlobal('document', { readyState: 'complete' });
  vi.stubGlobal('window', { setTimeout, clearTimeout, location: { reload }, addEventListener: () => {} });
  const container = new EventTarget() as EventTarget & { getRegistration(): Promise<unknown> };
  container.getRegistration = async () => ({ waiting });
  vi.stubGlobal('navigator', { serviceWorker: container });
}

// Imported after the browser globals are stubbed: the module's imports read window on load.
let applyPostponedUpdate: () => Promise<boolean>;
beforeAll(async () => {
  install(null);
  ({ applyPostponedUpdate } = await import('./service-worker'));
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('applyPostponedUpdate', () => {
  it('reloads once the waiting version is activating', async () => {
    install(new FakeWorker((worker) => setTimeout(() => worker.becomes('activating'), 1_500)));
    const result = applyPostponedUpdate();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reload).not.toHaveBeenCalled(); // never before the takeover
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await result).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(stored.has('motcua.update.postponed')).toBe(false);
  });

  it('starts on the old version and keeps the update for next time when it never takes over', async () => {
    install(new FakeWorker(() => {}));
    const result = applyPostponedUpdate();
    await vi.advanceTimersByTimeAsync(11_000);
    expect(await result).toBe(false);
    expect(reload).not.toHaveBeenCalled();
    expect(stored.get('motcua.update.postponed')).toBe('1');
  });

  it('does nothing when no update was postponed or none is waiting', async () => {
    install(null);
    expect(await applyPostponedUpdate()).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });
});

/** workbox-window as the app uses it: events, and the skip-waiting message the officer's "yes" sends. */
class FakeWorkbox extends EventTarget {
  static last: FakeWorkbox | undefined;
  skipMessages = 0;
  constructor() {
    super();
    FakeWorkbox.last = this;
  }
  register = () => Promise.resolve(undefined);
  update = () => Promise.resolve();
  messageSkipWaiting(): void {
    this.skipMessages++;
  }
  emit(type: 'waiting' | 'controlling'): void {
    this.dispatchEvent(new Event(type));
  }
}
vi.mock('workbox-window', () => ({ Workbox: FakeWorkbox }));

describe('the prompt’s update', () => {
  let sw: typeof ServiceWorkerModule;
  let work: typeof WorkInProgress;

  beforeEach(async () => {
    install(null);
    vi.stubGlobal('document', { readyState: 'complete', addEventListener: () => {}, visibilityState: 'visible' });
    vi.stubGlobal('window', { setTimeout, clearTimeout, setInterval: () => 0, location: { reload }, addEventListener: () => {} });
    vi.stubEnv('DEV', false);
    // A fresh module each time: its takeover state, and the work registry, start empty.
    vi.resetModules();
    sw = await import('./service-worker');
    ({ useWorkInProgress: work } = await import('../shared'));
    await sw.registerServiceWorker();
    FakeWorkbox.last!.emit('waiting');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('reloads once the new version has taken over when nothing is held', () => {
    expect(sw.useUpdate.getState().state).toBe('waiting');
    sw.applyUpdateNow();
    expect(FakeWorkbox.last!.skipMessages).toBe(1);
    expect(reload).not.toHaveBeenCalled(); // not before the takeover
    FakeWorkbox.last!.emit('controlling');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('asks no takeover while a form holds input when the officer agrees', () => {
    work.getState().hold('settings.deskProfile');
    sw.applyUpdateNow();
    expect(sw.useUpdate.getState().state).toBe('blocked');
    expect(FakeWorkbox.last!.skipMessages).toBe(0);
  });

  it('postpones the reload when a form got input while the new version was taking over, and reloads once it is saved', () => {
    sw.applyUpdateNow();
    expect(FakeWorkbox.last!.skipMessages).toBe(1);
    work.getState().hold('dossiers.rating:d1'); // typed after the "yes", before the takeover
    FakeWorkbox.last!.emit('controlling');
    expect(reload).not.toHaveBeenCalled();
    expect(sw.useUpdate.getState().state).toBe('blocked');

    sw.applyUpdateNow(); // still held: still nothing
    expect(reload).not.toHaveBeenCalled();
    expect(sw.useUpdate.getState().state).toBe('blocked');

    work.getState().release('dossiers.rating:d1');
    sw.applyUpdateNow();
    // The new version is in control already: no second skip-waiting (none waits), just the reload.
    expect(FakeWorkbox.last!.skipMessages).toBe(1);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads on the first install’s takeover', () => {
    FakeWorkbox.last!.emit('controlling');
    expect(reload).not.toHaveBeenCalled();
  });
});
