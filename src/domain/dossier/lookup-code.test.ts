import { describe, expect, it } from 'vitest';
import { isLookupCode, LOOKUP_CODE_ALPHABET, newLookupCode, parseLookupCode } from './lookup-code';

describe('lookup codes', () => {
  it('are ten Crockford characters from the random source, shown as XXXXX-XXXXX', () => {
    const code = newLookupCode((bytes) => bytes.map((_, i) => i * 37));
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(isLookupCode(code)).toBe(true);
    expect(newLookupCode((bytes) => bytes.fill(0))).toBe('00000-00000');
    expect(newLookupCode((bytes) => bytes.fill(255))).toBe('ZZZZZ-ZZZZZ');
  });

  it('come from crypto randomness by default, and differ', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newLookupCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(isLookupCode(code)).toBe(true);
  });

  it('are read back as typed: any case, spaces and hyphens, I and L for 1, O for 0', () => {
    expect(parseLookupCode('ab12c-d34ef')).toEqual({ ok: true, value: 'AB12C-D34EF' });
    expect(parseLookupCode(' AB12C D34EF ')).toEqual({ ok: true, value: 'AB12C-D34EF' });
    expect(parseLookupCode('OIL00-00000')).toEqual({ ok: true, value: '01100-00000' });
  });

  it('refuse anything else', () => {
    for (const bad of ['', 'AB12C-D34E', 'AB12C-D34EFG', 'AB12C-D34EU', 'ÀB12C-D34EF', 'AB12C_D34EF']) {
      const parsed = parseLookupCode(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]?.code).toBe('lookup_code.format');
    }
    expect(isLookupCode('ab12c-d34ef')).toBe(false);
    expect(LOOKUP_CODE_ALPHABET).toHaveLength(32);
  });
});
