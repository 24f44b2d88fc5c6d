import { describe, it, expect } from 'vitest';
import { validateFullName } from './full-name';
import { normalizeName } from './normalize';
import { CitizenErrorCode } from './errors';

describe('normalizeName', () => {
  it('composes NFD to NFC and collapses whitespace', () => {
    const nfd = '  Nguyễn\u00A0 Thị   Ánh\t'.normalize('NFD');
    expect(normalizeName(nfd)).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
    expect(normalizeName(nfd)).toHaveLength('Nguyễn Thị Ánh'.length);
  });

  it('removes zero-width characters pasted from documents', () => {
    expect(normalizeName('Lê\u200B Văn\uFEFF Tám')).toBe('Lê Văn Tám');
  });
});

describe('validateFullName', () => {
  it.each(['Nguyễn Văn A', 'NGUYỄN VĂN MẪU', 'Đặng Thị Ngọc Ánh', "H'Hen Niê", 'Ksor H’Ni', 'Ân'])('accepts %j', (name) => {
    expect(validateFullName(name)).toEqual({ ok: true, value: name });
  });

  it('returns the normalised form', () => {
    expect(validateFullName('  trần   thị   bích '.normalize('NFD'))).toEqual({ ok: true, value: 'trần thị bích' });
  });

  it.each([
    ['', CitizenErrorCode.NameEmpty],
    ['   ', CitizenErrorCode.NameEmpty],
    ['Nguyễn Văn A1', CitizenErrorCode.NameInvalidChars],
    ['Nguyễn@Văn', CitizenErrorCode.NameInvalidChars],
    ["Nguyễn '", CitizenErrorCode.NameInvalidChars],
    ['王小明', CitizenErrorCode.NameInvalidChars],
    ['A'.repeat(101), CitizenErrorCode.NameTooLong],
  ])('rejects %j with %s', (name, code) => {
    const r = validateFullName(name);
    expect(r.ok ? null : r.errors.map((e) => e.code)).toEqual([code]);
  });
});
