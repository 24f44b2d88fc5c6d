// Test-only preload for a gateway child process (`--import` after tsx; see gateway.ts `holdCommits`):
// after SIGUSR2, the next database transaction to commit keeps its caller waiting for HOLD_MS
// before it goes on, as on a gateway whose disk stalls just after a commit. The chaos test uses it
// to kill the gateway between the first committed part of a push and the rest: on a fast machine
// a whole push of 50 commits in less time than one pull takes to answer, so a kill timed from the
// outside lands before the first commit or after the last. Other requests are not held, and
// nothing is held without the signal.
import { PGlite, type Transaction } from '@electric-sql/pglite';

const HOLD_MS = 3_000;

let armed = false;
process.on('SIGUSR2', () => {
  armed = true;
});

const commit = PGlite.prototype.transaction;
PGlite.prototype.transaction = async function held<T>(this: PGlite, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const result = (await commit.call(this, fn)) as T;
  if (armed) {
    armed = false;
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  }
  return result;
};
