import { describe, it, expect } from 'vitest';
import { parseCccdQr } from './cccd-qr';
import { CitizenErrorCode } from './errors';

const ADDRESS = 'Số 1 Đường Thử Nghiệm, Phường Mẫu, Thành phố Hà Nội';
// The fake example of DOMAIN.md §7: 001 = Hà Nội, G 0 = male born 19xx, YY 99.
const SEVEN = `001099000001||NGUYỄN VĂN MẪU|15031999|Nam|${ADDRESS}|01072021`;
const SIX = `001099000001|NGUYỄN VĂN MẪU|15031999|Nam|${ADDRESS}|01072021`;

function codes(result: ReturnType<typeof parseCccdQr>): string[] {
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('parseCccdQr: accepted forms', () => {
  it('reads the 7-field form with an empty old ID', () => {
    expect(parseCccdQr(SEVEN)).toEqual({
      ok: true,
      value: {
        idNumber: '001099000001',
        fullName: 'NGUYỄN VĂN MẪU',
        birthDate: '1999-03-15',
        sex: 'Nam',
        address: ADDRESS,
        issuedDate: '2021-07-01',
      },
    });
  });

  it('keeps the old CMND number when the card has one', () => {
    // 038 Thanh Hóa, G 1 = female born 19xx, YY 99.
    const r = parseCccdQr('038199000123|173456789|LÊ THỊ HOA|02021999|Nữ|Thôn 3, Xã Mẫu, Tỉnh Thanh Hóa|10052022');
    expect(r.ok && r.value).toEqual({
      idNumber: '038199000123',
      oldIdNumber: '173456789',
      fullName: 'LÊ THỊ HOA',
      birthDate: '1999-02-02',
      sex: 'Nữ',
      address: 'Thôn 3, Xã Mẫu, Tỉnh Thanh Hóa',
      issuedDate: '2022-05-10',
    });
  });

  it('reads the 6-field variant without the old ID', () => {
    const r = parseCccdQr(SIX);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.oldIdNumber).toBeUndefined();
      expect(r.value.fullName).toBe('NGUYỄN VĂN MẪU');
      expect(r.value.issuedDate).toBe('2021-07-01');
    }
  });

  it('ignores extra trailing fields, in both variants', () => {
    expect(parseCccdQr(`${SEVEN}|extra|01012030`).ok).toBe(true);
    const six = parseCccdQr(`${SIX}|something new`);
    expect(six.ok && six.value.issuedDate).toBe('2021-07-01');
  });

  it('normalises NFD input (scanner under an input method) to NFC', () => {
    const nfd = `079304001234||TRẦN THỊ NGỌC ÁNH|29022004|Nữ|Ấp Mỹ Hòa, Xã Thử|01072021`.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const r = parseCccdQr(nfd);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.fullName).toBe('TRẦN THỊ NGỌC ÁNH'.normalize('NFC'));
      expect(r.value.fullName.normalize('NFC')).toBe(r.value.fullName);
      expect(r.value.sex).toBe('Nữ');
      expect(r.value.birthDate).toBe('2004-02-29'); // leap day: a real date
      expect(r.value.address).toBe('Ấp Mỹ Hòa, Xã Thử'.normalize('NFC'));
    }
  });

  it('trims the CR/LF, tabs and spaces a keyboard-wedge scanner adds', () => {
    expect(parseCccdQr(`  ${SEVEN}\r\n`)).toEqual(parseCccdQr(SEVEN));
    expect(parseCccdQr(`${SEVEN}\t`).ok).toBe(true);
    expect(parseCccdQr(`\uFEFF${SEVEN}\n`).ok).toBe(true);
  });

  it('accepts the same line sent twice by a double trigger', () => {
    expect(parseCccdQr(`${SEVEN}\r\n${SEVEN}\r\n`).ok).toBe(true);
  });

  it('collapses doubled spaces inside fields', () => {
    const r = parseCccdQr(`001099000001||NGUYỄN  VĂN   MẪU |15031999| Nam |${ADDRESS}|01072021`);
    expect(r.ok && r.value.fullName).toBe('NGUYỄN VĂN MẪU');
  });
});

describe('parseCccdQr: rejected input', () => {
  it('rejects empty input', () => {
    expect(codes(parseCccdQr(' \r\n'))).toEqual([CitizenErrorCode.QrEmpty]);
  });

  it('rejects foreign text', () => {
    expect(codes(parseCccdQr('Hello, world'))).toEqual([CitizenErrorCode.QrNotCccd]);
    expect(codes(parseCccdQr('ABC|DEF|GHI|JKL|MNO|PQR|STU'))).toEqual([CitizenErrorCode.QrNotCccd]);
  });

  it('rejects a URL', () => {
    expect(codes(parseCccdQr('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?a=1|b'))).toEqual([CitizenErrorCode.QrIsUrl]);
  });

  it('rejects a VietQR payment string', () => {
    const r = parseCccdQr('00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5');
    expect(codes(r)).toEqual([CitizenErrorCode.QrIsVietQr]);
    expect(r.ok ? '' : r.errors[0]?.field).toBe('qr');
  });

  it('rejects two different lines (two cards scanned)', () => {
    expect(codes(parseCccdQr(`${SEVEN}\n${SIX.replace('001099000001', '001099000002')}`))).toEqual([CitizenErrorCode.QrMultipleLines]);
  });

  it('rejects a truncated line (wrong field count)', () => {
    expect(codes(parseCccdQr('001099000001||NGUYỄN VĂN MẪU|15031999|Nam'))).toEqual([CitizenErrorCode.QrFieldCount]);
    // An empty second field means the 7-field form, so six fields are one short.
    expect(codes(parseCccdQr(`001099000001||NGUYỄN VĂN MẪU|15031999|Nam|${ADDRESS}`))).toEqual([CitizenErrorCode.QrFieldCount]);
    expect(codes(parseCccdQr('001099000001|NGUYỄN VĂN MẪU|15031999|Nam|x'))).toEqual([CitizenErrorCode.QrFieldCount]);
  });

  it('rejects a date that does not exist: 31 February', () => {
    // 001 2 00: male born 2000, consistent apart from the date.
    const r = parseCccdQr(`001200000001||TRẦN AN|31022000|Nam|${ADDRESS}|01072021`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ field: 'birthDate', code: CitizenErrorCode.DateInvalid })]);
  });

  it('rejects 29 February in a non-leap year and a month 13 issue date', () => {
    expect(codes(parseCccdQr(`001299000001||TRẦN AN|29021999|Nam|${ADDRESS}|01072021`))).toContain(CitizenErrorCode.DateInvalid);
    const r = parseCccdQr(`001099000001||NGUYỄN VĂN MẪU|15031999|Nam|${ADDRESS}|01132021`);
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.code])).toEqual([['issuedDate', CitizenErrorCode.DateInvalid]]);
  });

  it('rejects dates written with separators', () => {
    expect(codes(parseCccdQr(`001099000001||NGUYỄN VĂN MẪU|15/03/1999|Nam|${ADDRESS}|01072021`))).toEqual([CitizenErrorCode.DateInvalid]);
  });

  it('rejects a birth date in the future, in plain Vietnamese', () => {
    // 2 = male born 20xx, YY 30: the number agrees with the date, only the date is impossible.
    const r = parseCccdQr(`001230000001||NGUYỄN VĂN MẪU|15032030|Nam|${ADDRESS}|01072021`, new Date('2026-12-06T03:00:00Z'));
    expect(codes(r)).toContain(CitizenErrorCode.DateInFuture);
    const error = !r.ok ? r.errors.find((e) => e.code === CitizenErrorCode.DateInFuture) : undefined;
    expect(error).toEqual({
      field: 'birthDate',
      code: CitizenErrorCode.DateInFuture,
      message: 'Ngày sinh 15/03/2030 chưa tới (sau hôm nay 06/12/2026): thẻ không hợp lệ hoặc mã QR bị đọc sai.',
    });
  });

  it('rejects an issue date in the future, by the day in Vietnam', () => {
    const issuedOn = (date: string) => `001099000001||NGUYỄN VĂN MẪU|15031999|Nam|${ADDRESS}|${date}`;
    const r = parseCccdQr(issuedOn('01072027'), new Date('2026-12-06T03:00:00Z'));
    expect(r.ok ? [] : r.errors).toEqual([
      {
        field: 'issuedDate',
        code: CitizenErrorCode.DateInFuture,
        message: 'Ngày cấp thẻ 01/07/2027 chưa tới (sau hôm nay 06/12/2026): thẻ không hợp lệ hoặc mã QR bị đọc sai.',
      },
    ]);
    // 23:30 on 5/12 in Vietnam (16:30 UTC): a card issued on 6/12 is still in the future...
    expect(codes(parseCccdQr(issuedOn('06122026'), new Date('2026-12-05T16:30:00Z')))).toEqual([CitizenErrorCode.DateInFuture]);
    // ...and at 00:30 on 6/12 in Vietnam (still 5/12 in UTC) it is today's card, accepted.
    expect(parseCccdQr(issuedOn('06122026'), new Date('2026-12-05T17:30:00Z')).ok).toBe(true);
  });

  it('rejects an issue date before the birth date', () => {
    expect(codes(parseCccdQr(`001099000001||NGUYỄN VĂN MẪU|15031999|Nam|${ADDRESS}|01071998`))).toEqual([CitizenErrorCode.IssuedBeforeBirth]);
  });

  it('rejects an ID whose YY disagrees with the birth year', () => {
    // YY = 99 but born 1998.
    const r = parseCccdQr(`001099000001||NGUYỄN VĂN MẪU|15031998|Nam|${ADDRESS}|01072021`);
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.code])).toEqual([['idNumber', CitizenErrorCode.IdBirthYearMismatch]]);
  });

  it('rejects an ID whose century digit disagrees with the birth year', () => {
    // G = 2 means born 20xx, so 2099, not 1999.
    expect(codes(parseCccdQr(`001299000001||NGUYỄN VĂN MẪU|15031999|Nam|${ADDRESS}|01072021`))).toEqual([CitizenErrorCode.IdBirthYearMismatch]);
  });

  it('rejects an ID whose sex digit disagrees with the stated sex', () => {
    // G = 0 is male; the card says Nữ.
    expect(codes(parseCccdQr(`001099000001||NGUYỄN THỊ MẪU|15031999|Nữ|${ADDRESS}|01072021`))).toEqual([CitizenErrorCode.IdSexMismatch]);
  });

  it('rejects an unknown birth-province code', () => {
    // 003 is not one of the 63 codes (Hà Giang is 002, Cao Bằng 004).
    expect(codes(parseCccdQr(`003099000001||NGUYỄN VĂN MẪU|15031999|Nam|${ADDRESS}|01072021`))).toEqual([CitizenErrorCode.IdProvinceUnknown]);
  });

  it('rejects an ID of the wrong length', () => {
    expect(codes(parseCccdQr(`00109900000|NGUYỄN VĂN MẪU|15031999|Nam|${ADDRESS}|01072021`))).toEqual([CitizenErrorCode.IdFormat]);
  });

  it('rejects a sex other than Nam/Nữ and a malformed old ID, reporting both', () => {
    expect(codes(parseCccdQr(`001099000001|12345|NGUYỄN VĂN MẪU|15031999|Male|${ADDRESS}|01072021`))).toEqual([
      CitizenErrorCode.OldIdFormat,
      CitizenErrorCode.SexInvalid,
    ]);
  });

  it('gives every error a Vietnamese message', () => {
    const r = parseCccdQr(`003099000001||NGUYỄN VĂN MẪU|15031999|Nữ|${ADDRESS}|01072021`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(2);
      for (const e of r.errors) expect(e.message.length).toBeGreaterThan(10);
      expect(r.errors[0]?.message).toContain('003');
    }
  });
});
