// Locks the app after the commune's idle time without input (Cài đặt, 5 minutes by default).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { DEFAULT_LOCK_AFTER_MINUTES, getDb, lockDevice, readLockAfterMinutes } from '../../db';

/** Any of these is someone at the device. Captured, so a handler that stops propagation still counts. */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'input'] as const;

export function useIdleLock(active: boolean): void {
  const minutes = useLiveQuery(() => readLockAfterMinutes(getDb()).catch(() => DEFAULT_LOCK_AFTER_MINUTES), []) ?? DEFAULT_LOCK_AFTER_MINUTES;
  useEffect(() => {
    if (!active) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    // One timer at the earliest moment the limit can pass, moved on when it fires early; input only
    // notes the time, so a moving mouse costs nothing.
    let timer = 0;
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) lockDevice();
      else timer = window.setTimeout(check, limit - idle);
    };
    const touch = () => void (last = Date.now());
    for (const name of INPUT_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    timer = window.setTimeout(check, limit);
    return () => {
      window.clearTimeout(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, [active, minutes]);
}
