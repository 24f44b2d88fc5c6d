// The status page's address and what a citizen may type into it.
import { describe, expect, it } from 'vitest';
import { idLastFour, parseIdDigits, parseStatusLookup, statusPageUrl, vnDayMonthYear, vnTimeOnDay } from './status-page';

describe('the status page address', () => {
  it('is the gateway origin, the page path and the code, escaped', () => {
    expect(statusPageUrl('https://motcua.laocai.gov.vn', '000.00.12.H38-260302-0001')).toBe(
      'https://motcua.laocai.gov.vn/tra-cuu-ho-so?ma=000.00.12.H38-260302-0001',
    );
    expect(statusPageUrl('http://localhost:8080/', 'ABCDE-FGHJK')).toBe('http://localhost:8080/tra-cuu-ho-so?ma=ABCDE-FGHJK');
    expect(statusPageUrl('http://x', 'a&b=c')).toBe('http://x/tra-cuu-ho-so?ma=a%26b%3Dc');
  });
});

describe('what the citizen types', () => {
  it('reads a dossier code in any case and a lookup code however it was copied', () => {
    expect(parseStatusLookup(' 000.00.12.h38-260302-0001 ')).toEqual({ kind: 'code', value: '000.00.12.H38-260302-0001' });
    expect(parseStatusLookup('abcde-fghjk')).toEqual({ kind: 'lookup', value: 'ABCDE-FGHJK' });
    expect(parseStatusLookup('ABCDE FGHJK')).toEqual({ kind: 'lookup', value: 'ABCDE-FGHJK' });
    expect(parseStatusLookup('0OI1L-23456')).toEqual({ kind: 'lookup', value: '00111-23456' });
  });

  it('refuses anything else', () => {
    for (const text of ['', 'ABCDE-FGHJ', 'ABCDE-FGHJKU', "' or 1=1 --", 'ÁBCDE-FGHJK', 'x'.repeat(41), '000.00.12.H38-260302-001', 'TAM-AB12-260302-0001']) {
      expect(parseStatusLookup(text), text).toBeNull();
    }
  });

  it('takes exactly four digits for the ID number', () => {
    expect(parseIdDigits('0001')).toBe('0001');
    expect(parseIdDigits(' 12 34 ')).toBe('1234');
    for (const text of ['', '123', '12345', '12a4', '١٢٣٤', '1'.repeat(30)]) expect(parseIdDigits(text), text).toBeNull();
    expect(idLastFour('001099000001')).toBe('0001');
    expect(idLastFour('12')).toBeNull();
  });

  it('writes days and times as in Vietnam', () => {
    expect(vnDayMonthYear(new Date('2026-03-02T17:30:00Z'))).toBe('03/03/2026');
    expect(vnTimeOnDay(new Date('2026-03-02T02:05:00Z'))).toBe('09:05 ngày 02/03/2026');
  });
});
