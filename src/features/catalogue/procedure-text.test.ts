// How procedure facts read: time limits in words (hours as eighths of a day), fee clauses,
// forms among the papers, what each paper needs, and codes from receipts resolved.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { demoCatalogue, type ProcedureComponent } from '../../domain/catalogue';
import { vi } from '../../i18n/vi';
import { componentNeed, countOf, durationInWords, feeClauses, fieldsOf, findProcedure, formsOf, processingTime } from './procedure-text';

const i18n = i18next.createInstance();
void i18n.init({ resources: { vi: { translation: vi } }, lng: 'vi', initAsync: false, showSupportNotice: false, interpolation: { escapeValue: false } });
const t = i18n.t;
const demo = demoCatalogue();
const byCode = new Map(demo.procedures.map((p) => [p.code, p]));

describe('time limits in words', () => {
  it.each([
    [null, 'Chưa công bố thời hạn'],
    [0, 'Trong ngày làm việc'],
    [0.5, '4 giờ làm việc'],
    [1, '1 ngày làm việc'],
    [2.125, '2 ngày 1 giờ làm việc'],
    [2.99, '3 ngày làm việc'],
    [15, '15 ngày làm việc'],
  ])('%s days reads "%s"', (days, words) => {
    expect(durationInWords(days, t)).toBe(words);
  });

  it('adds the extension allowed for verification', () => {
    expect(processingTime({ processingDays: 3, extensionDays: 5 }, t)).toBe('3 ngày làm việc; gia hạn thêm tối đa 5 ngày làm việc nếu cần xác minh');
    expect(processingTime(byCode.get('1.000894')!, t)).toBe('Trong ngày làm việc; gia hạn thêm tối đa 5 ngày làm việc nếu cần xác minh');
  });

  it('says calendar days as such, never as working days', () => {
    expect(processingTime(byCode.get('2.000806')!, t)).toBe('15 ngày (tính theo ngày lịch)');
    expect(processingTime({ processingDays: 12, extensionDays: 3, countedIn: 'calendarDays' }, t)).toBe(
      '12 ngày (tính theo ngày lịch); gia hạn thêm tối đa 3 ngày (tính theo ngày lịch) nếu cần xác minh',
    );
  });
});

describe('fees, forms and papers', () => {
  it('splits the fee wording at its clauses, exemptions first as published', () => {
    const clauses = feeClauses(byCode.get('1.001193')!.fee);
    expect(clauses).toHaveLength(3);
    expect(clauses[0]).toMatch(/^Miễn lệ phí khi đăng ký đúng hạn/);
    expect(clauses[2]).toBe('bản sao trích lục/Giấy khai sinh (nếu yêu cầu): 8.000 đ/bản (TT 281/2016)');
    expect(feeClauses(null)).toEqual([]);
  });

  it('finds the forms (tờ khai, mẫu) among the papers', () => {
    expect(formsOf(byCode.get('1.001193')!).map((c) => c.name)).toEqual([
      'Tờ khai đăng ký khai sinh theo mẫu (Mẫu số 01 Phụ lục I TT 04/2020/TT-BTP) hoặc mẫu hộ tịch điện tử tương tác khi nộp trực tuyến',
    ]);
    expect(formsOf({ components: [{ name: 'Giấy chứng sinh', required: true }] })).toEqual([]);
  });

  it('says whether a paper is required, or when it is needed', () => {
    const paper = (extra: Partial<ProcedureComponent>): ProcedureComponent => ({ name: 'x', required: false, ...extra });
    expect(componentNeed(paper({ required: true }), t)).toBe('Bắt buộc');
    expect(componentNeed(paper({ condition: 'trẻ bị bỏ rơi' }), t)).toBe('Khi trẻ bị bỏ rơi');
    expect(componentNeed(paper({}), t)).toBe('Nếu có');
    expect(componentNeed(paper({ required: true, presentOnly: true }), t)).toBe('Bắt buộc. Chỉ xuất trình, không nộp');
    expect([countOf(undefined), countOf(0), countOf(2)]).toEqual(['–', '–', '2']);
  });
});

describe('codes and fields', () => {
  it('finds a procedure by its national or provincial code, and nothing for an unknown one', () => {
    expect(findProcedure(byCode, '1.001193')?.name).toBe('Thủ tục đăng ký khai sinh');
    expect(findProcedure(byCode, '1.001193.000.00.00.H56')?.code).toBe('1.001193');
    expect(findProcedure(byCode, 'TAM.000001')?.code).toBe('TAM.000001');
    expect(findProcedure(byCode, '9.999999')).toBeUndefined();
  });

  it('lists the fields in Vietnamese alphabetical order', () => {
    const fields = fieldsOf(demo.procedures);
    expect(fields).toHaveLength(10);
    expect(fields.slice(0, 3)).toEqual(['Bảo trợ xã hội', 'Chứng thực', 'Đăng ký biện pháp bảo đảm']);
    expect(fields.at(-1)).toBe('Thành lập và hoạt động của hộ kinh doanh');
  });
});
