import { describe, it, expect } from 'vitest';
import { validateIdNumber, decodeGenderCentury } from './id-number';
import { BIRTH_PROVINCE_CODES } from './birth-provinces';
import { CitizenErrorCode } from './errors';

describe('validateIdNumber', () => {
  it('decodes province, sex and birth year', () => {
    expect(validateIdNumber('001099000001')).toEqual({
      ok: true,
      value: { idNumber: '001099000001', provinceCode: '001', provinceName: 'Hà Nội', sex: 'Nam', birthYear: 1999 },
    });
    const hcm = validateIdNumber('079305001234');
    expect(hcm.ok && [hcm.value.provinceName, hcm.value.sex, hcm.value.birthYear]).toEqual(['TP. Hồ Chí Minh', 'Nữ', 2005]);
  });

  it('tolerates spaces typed by an officer', () => {
    const r = validateIdNumber('038 1 99 000123');
    expect(r.ok && r.value.idNumber).toBe('038199000123');
  });

  it('agrees with birth date and sex when both match', () => {
    expect(validateIdNumber('038199000123', { birthDate: '1999-02-02', sex: 'Nữ' }).ok).toBe(true);
    expect(validateIdNumber('001200000001', { birthDate: '2000-01-01', sex: 'Nam' }).ok).toBe(true);
  });

  it('rejects a wrong shape', () => {
    for (const bad of ['', '00109900000', '0010990000011', '00109900000A', '００１０９９０００００１']) {
      const r = validateIdNumber(bad);
      expect(r.ok ? null : r.errors.map((e) => e.code)).toEqual([CitizenErrorCode.IdFormat]);
    }
  });

  it('rejects a birth year from another century or year', () => {
    const r = validateIdNumber('001099000001', { birthDate: '2099-03-15' });
    expect(r.ok ? null : r.errors.map((e) => e.code)).toEqual([CitizenErrorCode.IdBirthYearMismatch]);
    const r2 = validateIdNumber('001099000001', { birthDate: '1998-03-15' });
    expect(r2.ok ? null : r2.errors[0]?.message).toContain('1999');
  });

  it('rejects a sex mismatch, and reports both mismatches at once', () => {
    const r = validateIdNumber('001299000001', { birthDate: '1999-03-15', sex: 'Nữ' });
    expect(r.ok ? null : r.errors.map((e) => e.code)).toEqual([CitizenErrorCode.IdBirthYearMismatch, CitizenErrorCode.IdSexMismatch]);
  });

  it('rejects province codes outside the 63 (e.g. 003, 100, 097)', () => {
    for (const ppp of ['003', '100', '097', '000']) {
      const r = validateIdNumber(`${ppp}099000001`);
      expect(r.ok ? null : r.errors.map((e) => e.code)).toEqual([CitizenErrorCode.IdProvinceUnknown]);
    }
  });

  it('holds exactly the 63 pre-2025 province codes', () => {
    expect(Object.keys(BIRTH_PROVINCE_CODES)).toHaveLength(63);
    expect(BIRTH_PROVINCE_CODES['038']).toBe('Thanh Hóa');
  });

  it('maps G to sex and century', () => {
    expect(decodeGenderCentury(0)).toEqual({ sex: 'Nam', centuryStart: 1900 });
    expect(decodeGenderCentury(1)).toEqual({ sex: 'Nữ', centuryStart: 1900 });
    expect(decodeGenderCentury(2)).toEqual({ sex: 'Nam', centuryStart: 2000 });
    expect(decodeGenderCentury(3)).toEqual({ sex: 'Nữ', centuryStart: 2000 });
    expect(decodeGenderCentury(4)).toEqual({ sex: 'Nam', centuryStart: 2100 });
    expect(decodeGenderCentury(5)).toEqual({ sex: 'Nữ', centuryStart: 2100 });
  });
});
