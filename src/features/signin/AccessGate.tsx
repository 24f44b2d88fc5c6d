// Stands between the device and the app: once an officer has signed in on this device, nothing of
// the app renders (no route, no header count) until an officer unlocks; before that the app works
// as it always did. The lock screen's code and words load only when it shows.
import { createElement, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { loadMessages } from '../../i18n';
import { useAccess } from './access-store';
import { useIdleLock } from './idle-lock';
import { useCurrentOfficer, useOfficerCount } from './use-officer';

let loaded: ComponentType | undefined;
let loading: Promise<ComponentType> | undefined;
const loadScreen = () =>
  (loading ??= Promise.all([import('./AccessScreen'), loadMessages('signin')]).then(([m]) => (loaded = m.AccessScreen))).catch((error: unknown) => {
    loading = undefined; // offline with the chunk missing: tried again at the next render
    throw error;
  });

function AccessScreenLoader() {
  const [screen, setScreen] = useState<ComponentType | undefined>(() => loaded);
  const [failure, setFailure] = useState<{ error: unknown }>();
  useEffect(() => {
    if (screen) return;
    let mounted = true;
    loadScreen().then(
      (arrived) => mounted && setScreen(() => arrived),
      (error: unknown) => mounted && setFailure({ error }),
    );
    return () => {
      mounted = false;
    };
  }, [screen]);
  if (failure) throw failure.error;
  return screen ? createElement(screen) : <p className="loading">…</p>;
}

export function AccessGate({ children }: { children: ReactNode }) {
  const officers = useOfficerCount();
  const officer = useCurrentOfficer();
  const step = useAccess((s) => s.step);
  const locked = officers !== undefined && officers > 0 && officer === null;
  useIdleLock(officers !== undefined && officers > 0 && officer !== null);
  // Until the count is read, nothing: the app of a device with officers must not flash by.
  if (officers === undefined) return null;
  if (locked || step !== null) return <AccessScreenLoader />;
  return children;
}
