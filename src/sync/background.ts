// What the app does whenever the gateway is reachable: learn the commune, top up dossier numbers,
// send what waits in the outbox, then pull what changed elsewhere. The work is loaded on first
// need, so the first screen stays light.
import { getDb, onMasterKeyChange, openVault } from '../db';
import { useConnectivity } from './connectivity';

async function whenOnline(): Promise<void> {
  try {
    const [{ refreshCommune }, { refillCodeReserve }, { pumpOutbox }, { pullChanges }] = await Promise.all([
      import('./commune'),
      import('./code-reserve'),
      import('./outbox-pump'),
      import('./pull'),
    ]);
    await refreshCommune();
    await refillCodeReserve();
    await pumpOutbox();
    await pullChanges();
  } catch {
    // The link dropped mid-way; the next "online" check retries. Nothing was half-written.
  }
}

export function startBackgroundRefresh(): () => void {
  const stopWatchingLink = useConnectivity.subscribe((state, previous) => {
    if (state.state === 'online' && previous.state !== 'online') void whenOnline();
  });
  // The first unlock of a run opens sealed data (issue 13): work that waited for it goes now.
  const stopWatchingKey = onMasterKeyChange(() => {
    if (useConnectivity.getState().state !== 'online') return;
    // Once the vault has opened with the new key (a forgotten key leaves it locked, and the sync waits).
    void openVault(getDb())
      .then((state) => (state === 'locked' ? undefined : whenOnline()))
      .catch(() => undefined);
  });
  return () => {
    stopWatchingLink();
    stopWatchingKey();
  };
}
