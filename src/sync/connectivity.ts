// Whether the gateway can be reached. navigator.onLine only says a network interface is up
// (a captive portal or a dead uplink still reads "online"), so we confirm by asking the gateway.
import { create } from 'zustand';

export type ConnectionState = 'checking' | 'online' | 'offline' | 'unreachable';

interface ConnectivityStore {
  state: ConnectionState;
  lastCheckedAt: string | undefined;
  lastOnlineAt: string | undefined;
  set(state: ConnectionState): void;
}

export const useConnectivity = create<ConnectivityStore>((set) => ({
  state: 'checking',
  lastCheckedAt: undefined,
  lastOnlineAt: undefined,
  set: (state) =>
    set((prev) => {
      const now = new Date().toISOString();
      return { state, lastCheckedAt: now, lastOnlineAt: state === 'online' ? now : prev.lastOnlineAt };
    }),
}));

export const healthUrl = '/api/health';

/** Asks the gateway's health endpoint; anything but a timely `status: ok` counts as unreachable. */
export async function probeGateway(
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 5000,
  isOnline: () => boolean = () => navigator.onLine,
): Promise<ConnectionState> {
  if (!isOnline()) return 'offline';
  try {
    const response = await fetchImpl(healthUrl, { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return 'unreachable';
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ok' ? 'online' : 'unreachable';
  } catch {
    return isOnline() ? 'unreachable' : 'offline';
  }
}

export async function checkConnection(): Promise<ConnectionState> {
  const state = await probeGateway();
  useConnectivity.getState().set(state);
  return state;
}

/**
 * Keeps the store current: on start, on the browser's online/offline events, when the tab comes
 * back into view, and every `intervalMs` (short enough to notice the link returning, long enough
 * not to load a 2G uplink). Returns a stop function.
 */
export function watchConnectivity(intervalMs = 30_000): () => void {
  const check = () => void checkConnection();
  const onOffline = () => useConnectivity.getState().set('offline');
  const onVisible = () => document.visibilityState === 'visible' && check();
  window.addEventListener('online', check);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  const timer = window.setInterval(check, intervalMs);
  check();
  return () => {
    window.removeEventListener('online', check);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
    window.clearInterval(timer);
  };
}
