import { describe, expect, it } from 'vitest';
import { readCardTexts } from './read-card';

const card = '001099000001||NGUYỄN VĂN MẪU|15031999|Nam|Số 1 Đường Thử Nghiệm, Phường Mẫu, Thành phố Hà Nội|01072021';
const vietQr = '00020101021138540010A00000072701240006970436011012345678900208QRIBFTTA53037045802VN6304ABCD';

describe('readCardTexts', () => {
  it('reads the card when it is the only code', () => {
    const read = readCardTexts([card]);
    expect(read).toEqual({
      ok: true,
      value: {
        idNumber: '001099000001',
        fullName: 'NGUYỄN VĂN MẪU',
        birthDate: '1999-03-15',
        sex: 'Nam',
        address: 'Số 1 Đường Thử Nghiệm, Phường Mẫu, Thành phố Hà Nội',
        issuedDate: '2021-07-01',
      },
    });
  });

  it('finds the card among other codes in the same picture', () => {
    const read = readCardTexts([vietQr, card]);
    expect(read.ok && read.value.idNumber).toBe('001099000001');
  });

  it('explains the first code when none is a card', () => {
    const read = readCardTexts([vietQr, 'https://dichvucong.gov.vn']);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.errors.map((e) => e.code)).toEqual(['cccd_qr.is_vietqr']);
      expect(read.errors[0]?.message).toMatch(/VietQR/);
    }
  });

  it('says the scan is empty when nothing was decoded', () => {
    const read = readCardTexts([]);
    expect(!read.ok && read.errors.map((e) => e.code)).toEqual(['cccd_qr.empty']);
  });

  it('normalises what a keyboard-wedge scanner typed in decomposed Unicode', () => {
    const read = readCardTexts([`${card.normalize('NFD')}\r\n`]);
    expect(read.ok && read.value.fullName).toBe('NGUYỄN VĂN MẪU');
    expect(read.ok && read.value.fullName.normalize('NFC')).toBe(read.ok && read.value.fullName);
  });
});
