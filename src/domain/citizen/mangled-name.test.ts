import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectMangledName } from './mangled-name';

// Names as they stand on real cards and registers: Kinh names in both tone placements, names of
// the Thái, Hmông, Ê Đê, Jrai, Khmer, Chăm and Mường peoples, and foreign residents' names.
const CORRECT_NAMES = [
  'Nguyễn Thị Thuỷ',
  'Nguyễn Thị Thủy',
  'Hoàng',
  'Quang',
  'Ngô',
  'NGUYỄN VĂN MẪU',
  'Trần Quốc Toản',
  'Lê Thị Hoà',
  'Lê Thị Hòa',
  'Phạm Ngọc Khuê',
  'Đặng Thị Ngọc Ánh',
  'Vũ Đức Quyền',
  'Trương Mỹ Lan',
  'Huỳnh Tấn Phát',
  'Bùi Xuân Phái',
  'Dương Quỳnh Hoa',
  'Đoàn Khuyến',
  'Giáp Văn Khương',
  'Khuất Duy Tiến',
  'Ngụy Như Kon Tum',
  'Quách Thị Khuya',
  'Tạ Quang Bửu',
  'Nguyễn Văn A',
  'Nguyen Van A',
  'Nguyen Thi Thuy',
  'Tran Quoc Toan',
  'Hoang Van Quang',
  'Xoong',
  'Ngo Bao Chau',
  'Hờ A Dế',
  'Lò Văn Pao',
  'Y Moan Niê',
  "H'Hen Niê",
  'Ksor H’Ni',
  'Giàng A Páo',
  'Sùng Mí Chứ',
  'Vàng Seo Xà',
  'Thào A Dua',
  'Thạch Thị Sa Ri',
  'Danh Sơn',
  'Đàng Năng Thọ',
  'Cầm Bá Thước',
  'Quàng Văn Hặc',
  'Rơ Mah Hồng',
  'Siu Phik',
  'Kpă Pui',
  'Bđăp',
  'Y Ngông Niê Kdăm',
  'Đinh Núp',
  'Lee Min Ho',
  'Kim Soo Hyun',
  'Park Ji Sung',
  'Moon Jae In',
  'Hans Müller',
  'Thomas Nguyen',
  'Luis Garcia',
  'Max Weber',
  'Chris Tran',
  'Dawn Smith',
  'Bruce Lee',
  'Peter Phạm',
  'Jean-Pierre Lê',
  'Ân',
  'Yến',
  'Uyên',
  'Oanh',
  'Nguyễn Thị Minh Khai',
];

describe('detectMangledName: names typed correctly are left alone', () => {
  it.each(CORRECT_NAMES)('%j gets no warning', (name) => {
    expect(detectMangledName(name)).toBeUndefined();
  });

  it('gets no warning for empty, blank or hostile text', () => {
    for (const text of ['', '   ', '\u200B', '123', '1A', 'Phòng 12', '😀 Lan', 'Nguyễn@Văn', '王小明', 'x'.repeat(500)]) {
      expect(detectMangledName(text), text).toBeUndefined();
    }
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const hint = detectMangledName(text);
        if (hint) expect(hint.suggestion).not.toBe('');
      }),
    );
  });
});

describe('detectMangledName: Telex and VNI keystrokes typed as letters', () => {
  it.each([
    ['NGUYEENX VAWN', 'NGUYỄN VĂN'],
    ['NGUYEENX VAWN MAAUX', 'NGUYỄN VĂN MẪU'],
    ['Nguyeenx Vawn Hoaf', 'Nguyễn Văn Hòa'],
    ['nguyeenx thij thuyr', 'nguyễn thị thủy'],
    ['Hoafng Vawn Tuaans', 'Hoàng Văn Tuấn'],
    ['Phuwowngf Thanh', 'Phường Thanh'],
    ['Truwowng Quyf', 'Trương Quỳ'],
    ['Truongw Quyf', 'Trương Quỳ'],
    ['Ddawngj Thij Ngocj Anhs', 'Đặng Thị Ngọc Ánh'],
    ['Huyeenf Trang', 'Huyền Trang'],
    ['Nguyễn Vawn', 'Nguyễn Văn'],
    ['Nguyễn Văn Hoaf', 'Nguyễn Văn Hòa'],
    ['Dduwcs', 'Đức'],
    ['Quyf Quyeetj', 'Quỳ Quyệt'],
    ['Nguye6n Va8n', 'Nguyên Văn'],
    ['Nguye64n Va8n', 'Nguyễn Văn'],
    ['NGUYE6N4 VA8N', 'NGUYỄN VĂN'],
    ['Tru7o7ng Thi5 Ho2a', 'Trương Thị Hòa'],
    ['D9a8ng5 Thi5', 'Đặng Thị'],
  ])('%j → %j', (typed, meant) => {
    expect(detectMangledName(typed)).toEqual({ suggestion: meant });
  });

  it('reads the same name whether it arrives composed, decomposed or with stray spaces', () => {
    expect(detectMangledName('  Nguyễn\u00A0Vawn '.normalize('NFD'))).toEqual({ suggestion: 'Nguyễn Văn' });
  });

  it('wants enough evidence: one plain key in an otherwise plain name may be a foreign name', () => {
    expect(detectMangledName('Nguyen Van Hoaf')).toBeUndefined();
    expect(detectMangledName('Lee Min Ho')).toBeUndefined();
    expect(detectMangledName('Max')).toBeUndefined();
    expect(detectMangledName('Lee')).toBeUndefined();
  });
});

// Every correct Vietnamese name, retyped with the input method off, must come back as itself.
const TELEX: Record<string, string> = { â: 'aa', ă: 'aw', ê: 'ee', ô: 'oo', ơ: 'ow', ư: 'uw', đ: 'dd' };
const VNI: Record<string, string> = { â: 'a6', ă: 'a8', ê: 'e6', ô: 'o6', ơ: 'o7', ư: 'u7', đ: 'd9' };
const TONES: Record<string, [string, string]> = {
  '\u0301': ['s', '1'],
  '\u0300': ['f', '2'],
  '\u0309': ['r', '3'],
  '\u0303': ['x', '4'],
  '\u0323': ['j', '5'],
};

function retype(name: string, method: 0 | 1): string {
  return name
    .split(' ')
    .map((word) => {
      let tone = '';
      const letters = [...word.normalize('NFD')]
        .filter((c) => !(TONES[c] && (tone = TONES[c][method])))
        .join('')
        .normalize('NFC');
      const keys = [...letters].map((c) => {
        const lower = c.toLocaleLowerCase('vi');
        const typed = (method === 0 ? TELEX : VNI)[lower] ?? lower;
        return c === lower ? typed : typed.toUpperCase();
      });
      const capitals = letters === letters.toLocaleUpperCase('vi');
      return keys.join('') + (capitals ? tone.toUpperCase() : tone);
    })
    .join(' ');
}

// The older tone placement ("hòa", "thủy"), the one the hint uses.
const KINH_NAMES = [
  'Nguyễn Văn Mẫu',
  'Trần Thị Hòa',
  'Lê Quang Đạo',
  'Phạm Thị Thủy',
  'Hoàng Văn Tuấn',
  'Đặng Thị Ngọc Ánh',
  'Vũ Đức Quyền',
  'Trương Mỹ Lan',
  'Huỳnh Tấn Phát',
  'Dương Quỳnh Hoa',
  'Bùi Thị Xuân',
  'Đỗ Mười',
  'Ngô Bảo Châu',
  'Phan Bội Châu',
  'Hồ Xuân Hương',
  'Võ Nguyên Giáp',
  'Tôn Đức Thắng',
  'Lương Thế Vinh',
  'Đoàn Thị Điểm',
  'Nguyễn Khuyến',
  'Giáp Văn Cường',
  'Khúc Thừa Dụ',
  'Lý Thường Kiệt',
  'Mạc Đĩnh Chi',
  'NGUYỄN THỊ MINH KHAI',
  'Chu Văn An',
  'Triệu Thị Trinh',
  'Quách Tuấn Khanh',
  'Ngụy Thị Oanh',
  'Hứa Vĩnh Phúc',
];

describe('detectMangledName: real names retyped with the input method off', () => {
  it.each(KINH_NAMES)('%j in Telex and in VNI', (name) => {
    const telex = retype(name, 0);
    const vni = retype(name, 1);
    if (telex !== name) expect(detectMangledName(telex), telex).toEqual({ suggestion: name });
    expect(detectMangledName(vni), vni).toEqual({ suggestion: name });
  });
});
