// The postponed update at start: it reloads only once the new version has taken over, and when
// the browser never lets it take over, the app starts on the old version and tries next time.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

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
