import { describe, expect, it } from 'vitest';
import { mayAttachResult, mayRate } from './paper-rules';
import { DOSSIER_STATUS_LABELS_VI } from './status';

const codes = Object.keys(DOSSIER_STATUS_LABELS_VI).map(Number);

describe('what may be added after receipt', () => {
  it('a result paper only while processing, once processed, or once returned', () => {
    expect(codes.filter(mayAttachResult)).toEqual([4, 9, 10]);
  });

  it('a rating only once the result is returned', () => {
    expect(codes.filter(mayRate)).toEqual([10]);
  });

  it('nothing for codes no dossier can have', () => {
    for (const s of [0, -4, 11, 4.5, Number.NaN]) {
      expect(mayAttachResult(s)).toBe(false);
      expect(mayRate(s)).toBe(false);
    }
  });
});
