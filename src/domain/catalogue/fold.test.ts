import { describe, expect, it } from 'vitest';
import { foldForMatch, foldVietnamese, hasDiacritics, normalizeIY, toneKey } from './fold';

// Every vowel with every tone, row by row: base, huyền, sắc, hỏi, ngã, nặng.
const VOWEL_ROWS: Record<string, string> = {
  a: 'aàáảãạ ăằắẳẵặ âầấẩẫậ',
  e: 'eèéẻẽẹ êềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọ ôồốổỗộ ơờớởỡợ',
  u: 'uùúủũụ ưừứửữự',
  y: 'yỳýỷỹỵ',
};

describe('foldVietnamese', () => {
  it('maps đ and Đ to d (NFD cannot: they are letters, not marks)', () => {
    expect(foldVietnamese('đ')).toBe('d');
    expect(foldVietnamese('Đ')).toBe('d');
    expect(foldVietnamese('Đăng ký đất đai')).toBe('dang ky dat dai');
    // Eth, which legacy converters emit for Đ.
    expect(foldVietnamese('Ðăng')).toBe('dang');
  });

  it('strips every tone from every vowel, lower and upper case', () => {
    for (const [base, row] of Object.entries(VOWEL_ROWS)) {
      const letters = row.replace(/ /g, '');
      expect(foldVietnamese(letters)).toBe(base.repeat(letters.length));
      expect(foldVietnamese(letters.toUpperCase())).toBe(base.repeat(letters.length));
    }
  });

  it('gives the same result for NFD input as for NFC', () => {
    const name = 'Thủ tục đăng ký khai sinh, chứng thực, hộ nghèo, người dưới 6 tuổi';
    expect(name.normalize('NFD')).not.toBe(name);
    expect(foldVietnamese(name.normalize('NFD'))).toBe(foldVietnamese(name));
    expect(foldVietnamese(name)).toBe('thu tuc dang ky khai sinh, chung thuc, ho ngheo, nguoi duoi 6 tuoi');
  });

  it('leaves digits, punctuation and spacing alone', () => {
    expect(foldVietnamese('1.001193 – Mẫu số 01/TT-BTP')).toBe('1.001193 – mau so 01/tt-btp');
  });
});

describe('normalizeIY', () => {
  it('maps a final y after a consonant to i', () => {
    expect(normalizeIY('ky')).toBe('ki');
    expect(normalizeIY('ly')).toBe('li');
    expect(normalizeIY('my')).toBe('mi');
    expect(normalizeIY('sy')).toBe('si');
    expect(normalizeIY('ty')).toBe('ti');
    expect(normalizeIY('quy')).toBe('qui');
  });

  it('leaves y alone where it is a different rhyme or a word by itself', () => {
    for (const word of ['tay', 'thuy', 'huy', 'tuy', 'nguy', 'y', 'yen', 'khuyet', 'quyen', 'ki']) {
      expect(normalizeIY(word)).toBe(word);
    }
  });

  it('applies word by word in foldForMatch', () => {
    expect(foldForMatch('Đăng ký, quản lý cư trú')).toBe('dang ki, quan li cu tru');
    expect(foldForMatch('đăng kí')).toBe(foldForMatch('ĐĂNG KÝ'));
    expect(foldForMatch('thủy lợi')).toBe('thuy loi');
  });
});

describe('toneKey', () => {
  it('keeps vowel letters and moves the tone to the end', () => {
    expect(toneKey('chứng')).toBe('chưng1');
    expect(toneKey('thực')).toBe('thưc5');
    expect(toneKey('hộ')).toBe('hô5');
    expect(toneKey('hỗ')).toBe('hô4');
    expect(toneKey('Đăng')).toBe('đăng');
  });

  it('gives one key for old and new tone placement and for NFD input', () => {
    expect(toneKey('hoà')).toBe(toneKey('hòa'));
    expect(toneKey('thuỷ')).toBe(toneKey('thủy'));
    expect(toneKey('khoẻ')).toBe(toneKey('khỏe'));
    expect(toneKey('chứng'.normalize('NFD'))).toBe('chưng1');
  });

  it('treats kí and ký as the same spelling but keeps the tone', () => {
    expect(toneKey('ký')).toBe(toneKey('kí'));
    expect(toneKey('kỹ')).toBe(toneKey('kĩ'));
    expect(toneKey('ký')).not.toBe(toneKey('kỹ'));
  });
});

describe('hasDiacritics', () => {
  it('tells accented input from plain', () => {
    expect(hasDiacritics('dang ky khai sinh')).toBe(false);
    expect(hasDiacritics('dang ký')).toBe(true);
    expect(hasDiacritics('đ')).toBe(true);
    expect(hasDiacritics('1.001193')).toBe(false);
  });
});
