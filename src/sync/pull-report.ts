// How a pull ended, and where the officer hears of it: a refused sign-in or a bad answer shows on
// the Đồng bộ page (through the pump's state, which that page reads); network trouble stays quiet.
import type { MotcuaError } from '../domain/errors';
import { usePump } from './pump-state';
import { syncProblems } from './sync-problems';

export type PullOutcome =
  | { kind: 'done'; checkpoint: number; pages: number; applied: number; keptForOutbox: number }
  /** No device token yet: there is nothing this device may pull until it is enrolled. */
  | { kind: 'notEnrolled' }
  | { kind: 'auth' }
  /** No answer, or one worth asking again later (408, 429, 5xx): tried again at the next trigger. */
  | { kind: 'unreachable'; status?: number }
  | { kind: 'refused'; status: number }
  | { kind: 'malformed'; problem: string }
  | { kind: 'writeFailed'; problem: string }
  /** Another tab is pulling into the same database right now. */
  | { kind: 'busy' };

// The last error this module put up, so a good pull clears its own words and never the pump's.
let reportedError: MotcuaError | undefined;

/** A failure's own words, short enough for one line of the page. */
export function problemOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

export function reportPull(outcome: PullOutcome): void {
  const pump = usePump.getState();
  if (outcome.kind === 'auth') {
    pump.set({ state: 'needsSignIn', lastError: syncProblems.pullSignedOut() });
    return;
  }
  let error: MotcuaError | undefined;
  if (outcome.kind === 'malformed') error = syncProblems.pullMalformed(outcome.problem);
  if (outcome.kind === 'refused') error = syncProblems.pullRefused(outcome.status);
  if (outcome.kind === 'writeFailed') error = syncProblems.pullWriteFailed(outcome.problem);
  if (error) {
    console.warn(`motcua pull: ${error.message}`);
    reportedError = error;
    pump.set({ lastError: error });
  } else if (outcome.kind === 'done' && reportedError !== undefined && pump.lastError === reportedError) {
    reportedError = undefined;
    pump.set({ lastError: undefined });
  }
}
