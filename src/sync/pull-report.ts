// How a pull ended, and where the officer hears of it: a refused sign-in or a bad answer shows on
// the Đồng bộ page (through the pump's state, which that page reads); network trouble stays quiet.
import { usePump } from './pump-state';

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

const messages = {
  auth: 'Phiên làm việc đã hết hạn: hãy kích hoạt lại thiết bị / đăng nhập lại.',
  malformed: (problem: string) => `Dữ liệu nhận từ máy chủ không hợp lệ (${problem}); máy chưa ghi thay đổi nào từ lần nhận này.`,
  refused: (status: number) => `Máy chủ từ chối cho nhận thay đổi (${status}).`,
  writeFailed: (problem: string) => `Không ghi được thay đổi nhận từ máy chủ vào máy (${problem}); sẽ thử lại.`,
};

// The last error this module put up, so a good pull clears its own words and never the pump's.
let reportedError: string | undefined;

/** A failure's own words, short enough for one line of the page. */
export function problemOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

export function reportPull(outcome: PullOutcome): void {
  const pump = usePump.getState();
  if (outcome.kind === 'auth') {
    pump.set({ state: 'needsSignIn', lastError: messages.auth });
    return;
  }
  let error: string | undefined;
  if (outcome.kind === 'malformed') error = messages.malformed(outcome.problem);
  if (outcome.kind === 'refused') error = messages.refused(outcome.status);
  if (outcome.kind === 'writeFailed') error = messages.writeFailed(outcome.problem);
  if (error) {
    console.warn(`motcua pull: ${error}`);
    reportedError = error;
    pump.set({ lastError: error });
  } else if (outcome.kind === 'done' && reportedError !== undefined && pump.lastError === reportedError) {
    reportedError = undefined;
    pump.set({ lastError: undefined });
  }
}
