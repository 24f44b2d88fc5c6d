// Which access screen is asked for, beyond the lock itself: the password sign-in (from the header
// before the device has an officer, or from the lock screen) and the PIN to set after it. UI state
// only; who is signed in lives in src/db/session.ts.
import { create } from 'zustand';

export type AccessStep = 'password' | 'setPin';

interface AccessState {
  /** Null: the lock screen when locked, else the app. */
  step: AccessStep | null;
  /** The username to prefill (the officer chosen on the lock screen). */
  username: string;
  /** Shows a step; null goes back to the lock screen when locked, else to the app ("Quay lại" before the first officer). */
  show(step: AccessStep | null, username?: string): void;
}

export const useAccess = create<AccessState>((set) => ({
  step: null,
  username: '',
  show: (step, username = '') => set({ step, username }),
}));
