// What the outbox pump is doing, for the Đồng bộ page and the dossier pages (UI state only: the
// truth of what is synced lives in the outbox and the dossiers' syncState).
import { create } from 'zustand';
import type { MotcuaError } from '../domain/errors';

export type PumpState = 'idle' | 'sending' | 'waitingToRetry' | 'needsSignIn' | 'offline';

interface PumpStore {
  state: PumpState;
  lastSuccessAt?: string;
  /** Shown in the interface's language (errorText); its message is the Vietnamese. */
  lastError?: MotcuaError;
  retryAt?: string;
  set(patch: Partial<Omit<PumpStore, 'set'>>): void;
}

export const usePump = create<PumpStore>((set) => ({ state: 'idle', set: (patch) => set(patch) }));
