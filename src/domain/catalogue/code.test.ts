import { describe, expect, it } from 'vitest';
import { isProcedureCode, isProvisionalCode, nationalCode } from './code';

describe('procedure codes', () => {
  it('accepts national, provincial and provisional codes', () => {
    expect(isProcedureCode('1.001193')).toBe(true);
    expect(isProcedureCode('1.001193.000.00.00.H56')).toBe(true);
    expect(isProcedureCode('2.000815.000.00.00.H38')).toBe(true);
    expect(isProcedureCode('1.001193.000.00.00.G22')).toBe(true);
    expect(isProcedureCode('TAM.000001')).toBe(true);
  });

  it('rejects other shapes', () => {
    for (const code of ['', '1.1193', '1.0011930', '001193', '1.001193.', '1.001193.H56', 'tam.000001', '1,001193']) {
      expect(isProcedureCode(code)).toBe(false);
    }
  });

  it('finds the national part of a provincial code', () => {
    expect(nationalCode('1.001193.000.00.00.H56')).toBe('1.001193');
    expect(nationalCode('1.001193')).toBe('1.001193');
    expect(nationalCode('TAM.000002')).toBe('TAM.000002');
  });

  it('knows a provisional code', () => {
    expect(isProvisionalCode('TAM.000001')).toBe(true);
    expect(isProvisionalCode('1.001193')).toBe(false);
  });
});
