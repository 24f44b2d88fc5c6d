import { describe, expect, it } from 'vitest';
import { paperTitle } from './paper-title';

describe('paperTitle', () => {
  it('keeps the head of a catalogue component name', () => {
    expect(paperTitle('Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận về việc sinh')).toBe('Giấy chứng sinh');
    expect(paperTitle('Tờ khai đăng ký khai sinh theo mẫu (Mẫu số 01 Phụ lục I TT 04/2020/TT-BTP) hoặc mẫu hộ tịch điện tử')).toBe('Tờ khai đăng ký khai sinh');
    expect(paperTitle('Văn bản ủy quyền theo quy định (nếu nộp thay)')).toBe('Văn bản ủy quyền theo quy định');
  });

  it('makes a safe, bounded file name of anything', () => {
    expect(paperTitle('Bản sao 01/2020/QĐ: "hợp lệ"?')).toBe('Bản sao 01-2020-QĐ- -hợp lệ');
    expect(paperTitle('   ')).toBe('Giấy tờ');
    expect(paperTitle('(ghi chú)')).toBe('(ghi chú)');
    const long = paperTitle('Giấy xác nhận '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith(' ')).toBe(false);
  });
});
