import { describe, it, expect } from 'vitest';
import { validateVietnamesePhone, validateEmail } from './contact';
import { CitizenErrorCode } from './errors';

describe('validateVietnamesePhone', () => {
  it.each([
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    '+84 912 345 678',
    '+84912345678',
    '84912345678',
    '0084 912 345 678',
    '+84 (0) 912 345 678',
    ' 0912345678\r\n',
  ])('reads %j as mobile 0912345678', (input) => {
    expect(validateVietnamesePhone(input)).toEqual({
      ok: true,
      value: { national: '0912345678', e164: '+84912345678', kind: 'mobile' },
    });
  });

  it.each(['0356789012', '0523456789', '0701234567', '0812345678', '0987654321'])('accepts the current mobile prefix of %s', (n) => {
    const r = validateVietnamesePhone(n);
    expect(r.ok && r.value.kind).toBe('mobile');
  });

  it('accepts landlines of 11 digits starting 02', () => {
    expect(validateVietnamesePhone('024 3825 1234')).toEqual({
      ok: true,
      value: { national: '02438251234', e164: '+842438251234', kind: 'landline' },
    });
    const r = validateVietnamesePhone('+84 237 3852 123');
    expect(r.ok && r.value.national).toBe('02373852123');
  });

  it.each([
    ['', CitizenErrorCode.PhoneEmpty],
    ['0912abc678', CitizenErrorCode.PhoneInvalidChars],
    ['0912345678 ext 1', CitizenErrorCode.PhoneInvalidChars],
    ['091234567', CitizenErrorCode.PhoneLength],
    ['09123456789', CitizenErrorCode.PhoneLength],
    ['0243825123', CitizenErrorCode.PhoneLength],
    ['0123456789', CitizenErrorCode.PhonePrefix], // old 11-digit era prefix, gone since 2018
    ['01234567890', CitizenErrorCode.PhonePrefix],
    ['0612345678', CitizenErrorCode.PhonePrefix],
    ['0412345678', CitizenErrorCode.PhonePrefix],
    ['912345678', CitizenErrorCode.PhonePrefix],
    ['+1 650 253 0000', CitizenErrorCode.PhonePrefix],
  ])('rejects %j with %s', (input, code) => {
    const r = validateVietnamesePhone(input);
    expect(r.ok ? null : r.errors.map((e) => e.code)).toEqual([code]);
  });
});

describe('validateEmail', () => {
  it('accepts ordinary addresses and lower-cases only the domain', () => {
    expect(validateEmail('ten@example.com')).toEqual({ ok: true, value: 'ten@example.com' });
    expect(validateEmail(' Nguyen.Van.A+hoso@Mail.Example.VN ')).toEqual({
      ok: true,
      value: 'Nguyen.Van.A+hoso@mail.example.vn',
    });
    expect(validateEmail('ubnd-xa@co-quan.gov.vn').ok).toBe(true);
  });

  it.each([
    ['', CitizenErrorCode.EmailEmpty],
    ['ten@', CitizenErrorCode.EmailFormat],
    ['@example.com', CitizenErrorCode.EmailFormat],
    ['ten@example', CitizenErrorCode.EmailFormat],
    ['ten@@example.com', CitizenErrorCode.EmailFormat],
    ['tên@example.com', CitizenErrorCode.EmailFormat],
    ['a b@example.com', CitizenErrorCode.EmailFormat],
    ['ten..a@example.com', CitizenErrorCode.EmailFormat],
    ['ten@-example.com', CitizenErrorCode.EmailFormat],
    [`${'a'.repeat(65)}@example.com`, CitizenErrorCode.EmailTooLong],
  ])('rejects %j with %s', (input, code) => {
    const r = validateEmail(input);
    expect(r.ok ? null : r.errors.map((e) => e.code)).toEqual([code]);
  });
});
