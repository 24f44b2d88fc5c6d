// Retry delays for the sync pump: capped exponential backoff with full jitter, so a hundred
// tablets coming back online at once do not hammer the gateway in step.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random?: () => number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 2_000, capMs: 5 * 60_000 };

/** Delay before retry number `attempt` (1 = first retry): uniform in [0, min(cap, base·2^(attempt-1))]. */
export function backoffDelay(attempt: number, { baseMs, capMs, random = Math.random }: BackoffOptions = defaultBackoff): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

/** Which HTTP answers are worth retrying as they are: the request may succeed later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
