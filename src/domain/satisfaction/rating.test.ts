import { describe, expect, it } from 'vitest';
import { checkRating } from './rating';

const at = new Date('2026-03-02T03:00:00Z');

describe('checkRating', () => {
  it('accepts the two good answers without a reason', () => {
    expect(checkRating('veryGood', '', at)).toEqual({ ok: true, rating: { value: 'veryGood', at } });
    expect(checkRating('good', undefined, at)).toEqual({ ok: true, rating: { value: 'good', at } });
  });

  it('requires a reason for "Không hài lòng", ignoring blank text', () => {
    const r = checkRating('bad', '   ', at);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('rating.reason_required');
  });

  it('keeps the reason trimmed and in NFC', () => {
    const nfd = ' Chờ lâu quá '.normalize('NFD');
    expect(checkRating('bad', nfd, at)).toEqual({ ok: true, rating: { value: 'bad', reason: 'Chờ lâu quá', at } });
  });

  it('refuses an unknown value and an overlong reason', () => {
    expect(checkRating('excellent', '', at).ok).toBe(false);
    const long = checkRating('bad', 'x'.repeat(1001), at);
    expect(!long.ok && long.code).toBe('rating.reason_too_long');
  });
});
