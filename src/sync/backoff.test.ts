// Backoff grows, stays under its cap, and is jittered.
import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus } from './backoff';

describe('backoffDelay', () => {
  const top = () => 1; // the largest delay jitter can give
  it('doubles from the base and stops at the cap', () => {
    const opts = { baseMs: 1000, capMs: 10_000, random: top };
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, opts))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
  it('spreads retries with jitter', () => {
    expect(backoffDelay(4, { baseMs: 1000, capMs: 10_000, random: () => 0.25 })).toBe(2000);
    expect(backoffDelay(4, { baseMs: 1000, capMs: 10_000, random: () => 0 })).toBe(0);
  });
});

describe('isRetryableStatus', () => {
  it('retries timeouts, rate limits and server errors, not client errors', () => {
    expect([408, 429, 500, 502, 503].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 413, 422].some(isRetryableStatus)).toBe(false);
  });
});
