// What the outbox pump is doing, for the Đồng bộ page and the dossier pages (UI state only: the
// truth of what is synced lives in the outbox and the dossiers' syncState).
import { create } from 'zustand';

export type PumpState = 'idle' | 'sending' | 'waitingToRetry' | 'needsSignIn' | 'offline';

interface PumpStore {
  state: PumpState;
  lastSuccessAt?: string;
  lastError?: string;
  retryAt?: string;
  set(patch: Partial<Omit<PumpStore, 'set'>>): void;
}

export const usePump = create<PumpStore>((set) => ({ state: 'idle', set: (patch) => set(patch) }));
