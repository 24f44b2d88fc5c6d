import { describe, it, expect } from 'vitest';
import { amountInWords, numberToVietnameseWords } from './amount-in-words';
import { formatVnd } from './format';

describe('amountInWords (default: nghìn, linh, tỷ)', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [30, 'Ba mươi đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_021, 'Một nghìn không trăm hai mươi mốt đồng'],
    [8_000, 'Tám nghìn đồng'],
    [12_000, 'Mười hai nghìn đồng'],
    [55_555, 'Năm mươi lăm nghìn năm trăm năm mươi lăm đồng'],
    [200_000, 'Hai trăm nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [2_000_000_000, 'Hai tỷ đồng'],
    [2_500_000_000, 'Hai tỷ năm trăm triệu đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%i → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it('offers the southern variant "ngàn" and "lẻ"', () => {
    expect(amountInWords(105, { zeroTens: 'lẻ' })).toBe('Một trăm lẻ năm đồng');
    expect(amountInWords(1_005_000, { thousand: 'ngàn', zeroTens: 'lẻ' })).toBe('Một triệu không trăm lẻ năm ngàn đồng');
  });

  it('gives the bare number in lower case', () => {
    expect(numberToVietnameseWords(21)).toBe('hai mươi mốt');
  });

  it('refuses negative and fractional amounts', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatVnd', () => {
  it.each([
    [200_000, '200.000 đ'],
    [0, '0 đ'],
    [999, '999 đ'],
    [1_000, '1.000 đ'],
    [1_005_000, '1.005.000 đ'],
    [2_000_000_000, '2.000.000.000 đ'],
    [-8_000, '-8.000 đ'],
  ])('%i → %s', (n, text) => {
    expect(formatVnd(n)).toBe(text);
  });

  it('refuses fractions', () => {
    expect(() => formatVnd(0.5)).toThrow(RangeError);
  });
});
