// The desk refuses, before receiving, every person field the gateway would refuse after sync.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPerson, PERSON_FIELD_MAX, personIssues, sendableOfficerPhone, type PersonEntry } from './index';

const good: PersonEntry = {
  fullName: 'Nguyễn Văn Mẫu',
  idNumber: '001099000001',
  birthDate: '1999-03-15',
  sex: 'Nam',
  address: 'Số 1 Đường Thử Nghiệm',
  phone: '0912345678',
  email: '',
};
const tooLong = (person: PersonEntry, prefix: 'applicant' | 'owner' = 'applicant') =>
  personIssues(person, prefix, prefix === 'applicant' ? 'applicantInvalid' : 'ownerInvalid').filter((i) => i.message.includes('quá giới hạn'));

describe('person fields longer than the gateway takes', () => {
  it('blocks a 501-character pasted address, naming the box and the limit; 500 passes', () => {
    const pasted = `${'Thôn Nà Pồ, xã Bản Mẫu;\t'.repeat(30)}`.slice(0, 501);
    expect(pasted).toHaveLength(501);
    const issues = tooLong({ ...good, address: pasted });
    expect(issues).toEqual([
      {
        code: 'applicantInvalid',
        field: 'applicant.address',
        message: 'Người nộp: ô "Nơi cư trú" dài 501 ký tự, quá giới hạn 500 ký tự máy chủ nhận. Hãy rút gọn (kiểm tra lại nội dung vừa dán).',
      },
    ]);
    expect(personIssues({ ...good, address: pasted.slice(0, 500) }, 'applicant', 'applicantInvalid')).toEqual([]);
  });

  it('counts what is typed, spaces and invisible characters included, as the gateway does', () => {
    // 499 letters, a zero-width space and a trailing space: 501 as typed, though it looks like 499.
    const issues = tooLong({ ...good, address: `${'a'.repeat(499)}\u200b ` });
    expect(issues.map((i) => i.field)).toEqual(['applicant.address']);
    // An emoji is two UTF-16 units for zod's max as for String.length.
    expect(tooLong({ ...good, address: `${'a'.repeat(499)}🏠` }).map((i) => i.field)).toEqual(['applicant.address']);
  });

  it("says it once for the field, for the owner too, without the field's other complaints", () => {
    const owner = { ...emptyPerson, fullName: 'Lê Thị B '.repeat(30), idNumber: '0'.repeat(25), email: `${'x'.repeat(200)}@a.vn` };
    const issues = personIssues(owner, 'owner', 'ownerInvalid');
    const byField = (field: string) => issues.filter((i) => i.field === field);
    expect(byField('owner.fullName')).toHaveLength(1);
    expect(byField('owner.fullName')[0]!.message).toBe(
      'Chủ hồ sơ: ô "Họ và tên" dài 270 ký tự, quá giới hạn 200 ký tự máy chủ nhận. Hãy rút gọn (kiểm tra lại nội dung vừa dán).',
    );
    expect(byField('owner.idNumber').map((i) => i.message)).toEqual([expect.stringContaining('quá giới hạn 20 ký tự')]);
    expect(byField('owner.email').map((i) => i.message)).toEqual([expect.stringContaining('quá giới hạn 200 ký tự')]);
  });

  it('flags a field exactly when it is longer than its limit (any text, any field)', () => {
    const fields = Object.keys(PERSON_FIELD_MAX) as (keyof typeof PERSON_FIELD_MAX)[];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.string({ unit: 'grapheme', maxLength: 600 }), (field, value) => {
        const flagged = tooLong({ ...good, [field]: value }).map((i) => i.field);
        expect(flagged).toEqual(value.length > PERSON_FIELD_MAX[field] ? [`applicant.${field}`] : []);
      }),
    );
  });
});

describe("the officer's phone a supplement request carries to other desks", () => {
  it('is the profile phone trimmed when it is a phone; otherwise none, so the request itself is never refused for it', () => {
    expect(sendableOfficerPhone(' 0209 3870 123 ')).toBe('0209 3870 123');
    expect(sendableOfficerPhone('+84 912 345 678')).toBe('+84 912 345 678');
    expect(sendableOfficerPhone('')).toBeUndefined();
    expect(sendableOfficerPhone('   ')).toBeUndefined();
    expect(sendableOfficerPhone('0209000000')).toBeUndefined(); // a landline one digit short
    expect(sendableOfficerPhone('0912 345 678 (giờ hành chính)')).toBeUndefined();
    expect(sendableOfficerPhone(`0912${' '.repeat(30)}345678`)).toBeUndefined(); // a phone, but past the 30 the gateway takes
  });
});
