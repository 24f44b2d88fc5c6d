// The slip's SMS stays one unaccented message under 160 characters, with the code and the address whole.
import { describe, expect, it } from 'vitest';
import { slipSms, unaccented } from './slip-text';

describe('slipSms', () => {
  const url = 'https://motcua.laichau.gov.vn/tra-cuu-ho-so?ma=7KQ2M-X9D4T';
  it('carries the procedure, the lookup code and the status page, unaccented, under 160 characters', () => {
    const text = slipSms('Đăng ký khai sinh', '7KQ2M-X9D4T', url);
    expect(text).toContain('Dang ky khai sinh');
    expect(text).toContain('7KQ2M-X9D4T');
    expect(text).toContain(url);
    expect(text.length).toBeLessThan(160);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
  });
  it('shortens a long procedure name, never the code or the address', () => {
    const text = slipSms('Thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi theo liên thông', '7KQ2M-X9D4T', url);
    expect(text.length).toBeLessThan(160);
    expect(text).toContain('7KQ2M-X9D4T');
    expect(text.endsWith(url)).toBe(true);
    expect(text).toContain('...');
  });
  it('drops the marks and đ', () => expect(unaccented('Đồng bộ đã gửi')).toBe('Dong bo da gui'));
});
