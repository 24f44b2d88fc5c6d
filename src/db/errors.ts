// Turns storage failures into something the officer can act on.

/** True when the browser refused a write because the device's storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { name?: string; inner?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  // Dexie wraps the browser's DOMException; the original sits in `inner`.
  return e.inner !== undefined && isQuotaError(e.inner);
}
