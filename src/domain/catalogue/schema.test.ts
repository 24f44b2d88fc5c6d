import { describe, expect, it } from 'vitest';
import demoCatalogueJson from './demo-catalogue.json';
import { demoCatalogue } from './demo';
import { isNewerCatalogue, parseCatalogue } from './schema';

// A fresh, mutable copy of the demo file to break in one place per test.
function demo(): Record<string, unknown> & { procedures: Record<string, unknown>[] } {
  return structuredClone(demoCatalogueJson) as unknown as Record<string, unknown> & {
    procedures: Record<string, unknown>[];
  };
}

function messageOf(input: unknown): string {
  const result = parseCatalogue(input);
  if (result.ok) throw new Error('expected the catalogue to be rejected');
  return result.message;
}

describe('parseCatalogue accepts the demo catalogue', () => {
  it('parses all 53 procedures as version 1', () => {
    const result = parseCatalogue(demoCatalogueJson);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toBe(1);
    expect(result.value.issuedAt).toBe('2026-11-01T00:00:00+07:00');
    expect(result.value.procedures).toHaveLength(53);
  });

  it('keeps every field of the file, including inferred markers and sources', () => {
    // Nothing is dropped or altered: the research caveats must reach the officer's screen.
    expect(demoCatalogue()).toEqual(demoCatalogueJson);
    const procedures = demoCatalogue().procedures;
    expect(procedures.filter((p) => p.inferred === true)).toHaveLength(43);
    expect(procedures.flatMap((p) => p.components).filter((c) => c.inferred === true)).toHaveLength(18);
    expect(procedures.find((p) => p.code === '1.001193')?.source).toHaveLength(6);
  });

  it('gives the two procedures without a known national code a provisional one', () => {
    const provisional = demoCatalogue().procedures.filter((p) => p.code.startsWith('TAM.'));
    expect(provisional.map((p) => p.code)).toEqual(['TAM.000001', 'TAM.000002']);
    for (const p of provisional) expect(p.inferredFields).toContain('code (not found)');
  });

  it('accepts provincial codes', () => {
    const input = demo();
    (input.procedures[0] as Record<string, unknown>).code = '1.001193.000.00.00.H56';
    const result = parseCatalogue(input);
    expect(result.ok && result.value.procedures[0]?.code).toBe('1.001193.000.00.00.H56');
  });

  it('refuses a field the format does not know, at any depth, and names it', () => {
    const top = demo();
    top.publisher = 'Sở Tư pháp';
    expect(messageOf(top)).toBe('Danh mục không hợp lệ: có trường lạ "publisher" (không có trong mẫu danh mục)');

    const misspelt = demo();
    const component = (misspelt.procedures[1]?.components as Record<string, unknown>[])[0] as Record<string, unknown>;
    delete component.required;
    component.requried = true;
    const message = messageOf(misspelt);
    expect(message).toContain('thành phần hồ sơ thứ 1');
    expect(message).toContain('trường lạ "requried"');

    const procedure = demo();
    (procedure.procedures[0] as Record<string, unknown>).somethingNew = 'x';
    expect(messageOf(procedure)).toMatch(/^Danh mục không hợp lệ: thủ tục thứ 1 \([^)]+\) có trường lạ "somethingNew"/);
  });

  it('carries a structured feeRule through untouched', () => {
    const input = demo();
    const rule = { kind: 'perPage', firstPages: 2000 };
    (input.procedures[0] as Record<string, unknown>).feeRule = rule;
    const result = parseCatalogue(input);
    expect(result.ok && result.value.procedures[0]?.feeRule).toEqual(rule);
  });
});

describe('parseCatalogue rejects malformed catalogues with a Vietnamese message', () => {
  it('rejects what is not an object', () => {
    const expected = 'Danh mục không hợp lệ: dữ liệu không phải là một đối tượng JSON';
    expect(messageOf(null)).toBe(expected);
    expect(messageOf('{"version":1}')).toBe(expected);
    expect(messageOf([])).toBe(expected);
  });

  it('rejects a missing or non-integer version', () => {
    const missing = demo();
    delete missing.version;
    expect(messageOf(missing)).toBe('Danh mục không hợp lệ: thiếu số phiên bản (version)');
    for (const version of [0, 1.5, '2', -1]) {
      expect(messageOf({ ...demo(), version })).toBe('Danh mục không hợp lệ: số phiên bản (version) phải là số nguyên dương');
    }
  });

  it('rejects missing or empty procedures', () => {
    const missing = demo() as Record<string, unknown>;
    delete missing.procedures;
    expect(messageOf(missing)).toBe('Danh mục không hợp lệ: thiếu danh sách thủ tục (procedures)');
    expect(messageOf({ ...demo(), procedures: [] })).toBe('Danh mục không hợp lệ: danh sách thủ tục (procedures) rỗng');
  });

  it('names the procedure that lacks a name', () => {
    const input = demo();
    delete (input.procedures[2] as Record<string, unknown>).name;
    expect(messageOf(input)).toBe('Danh mục không hợp lệ: thủ tục thứ 3 (1.000656) thiếu tên');
    (input.procedures[2] as Record<string, unknown>).name = '   ';
    expect(messageOf(input)).toBe('Danh mục không hợp lệ: thủ tục thứ 3 (1.000656) tên để trống');
  });

  it('rejects duplicate codes, naming both procedures', () => {
    const input = demo();
    (input.procedures[4] as Record<string, unknown>).code = '1.001193';
    expect(messageOf(input)).toBe('Danh mục không hợp lệ: thủ tục thứ 5 trùng mã 1.001193 với thủ tục thứ 1');
  });

  it('rejects malformed codes', () => {
    for (const code of ['1.1193', '1001193', '1.001193.H56', 'abc', '1.001193.000.00.00.h56', ' 1.001193']) {
      const input = demo();
      (input.procedures[0] as Record<string, unknown>).code = code;
      expect(messageOf(input)).toBe(`Danh mục không hợp lệ: thủ tục thứ 1 mã thủ tục "${code}" sai định dạng (đúng: 1.001193 hoặc 1.001193.000.00.00.H56)`);
    }
    const missing = demo();
    delete (missing.procedures[0] as Record<string, unknown>).code;
    expect(messageOf(missing)).toBe('Danh mục không hợp lệ: thủ tục thứ 1 thiếu mã thủ tục');
  });

  it('rejects bad issue dates', () => {
    const wrong = 'Danh mục không hợp lệ: ngày ban hành (issuedAt) phải là ngày giờ có thật theo ISO 8601, có múi giờ, ví dụ 2026-11-01T00:00:00+07:00';
    for (const issuedAt of [
      '2026-11-01',
      '2026-11-01T00:00:00',
      '01/11/2026',
      '2026-13-01T00:00:00Z',
      '2026-02-30T08:00:00+07:00',
      '2026-02-29T08:00:00+07:00',
      20261101,
    ]) {
      expect(messageOf({ ...demo(), issuedAt })).toBe(wrong);
    }
    expect(parseCatalogue({ ...demo(), issuedAt: '2028-02-29T08:00:00Z' }).ok).toBe(true);
    const missing = demo();
    delete missing.issuedAt;
    expect(messageOf(missing)).toBe('Danh mục không hợp lệ: thiếu ngày ban hành (issuedAt)');
  });

  it('points into a dossier component', () => {
    const input = demo();
    const components = (input.procedures[0] as { components: Record<string, unknown>[] }).components;
    delete (components[1] as Record<string, unknown>).required;
    expect(messageOf(input)).toBe('Danh mục không hợp lệ: thủ tục thứ 1 (1.001193), thành phần hồ sơ thứ 2 thiếu cờ bắt buộc (required)');
    (components[1] as Record<string, unknown>).required = true;
    (components[1] as Record<string, unknown>).original = -1;
    expect(messageOf(input)).toBe('Danh mục không hợp lệ: thủ tục thứ 1 (1.001193), thành phần hồ sơ thứ 2 số bản chính phải là số nguyên không âm');
  });

  it('rejects bad processing times and list items', () => {
    const input = demo();
    (input.procedures[1] as Record<string, unknown>).processingDays = -2;
    expect(messageOf(input)).toBe('Danh mục không hợp lệ: thủ tục thứ 2 (1.000894) thời hạn giải quyết (processingDays) không được âm');
    const missing = demo();
    delete (missing.procedures[1] as Record<string, unknown>).processingDays;
    expect(messageOf(missing)).toBe('Danh mục không hợp lệ: thủ tục thứ 2 (1.000894) thiếu thời hạn giải quyết (processingDays)');
    const badSource = demo();
    (badSource.procedures[0] as Record<string, unknown>).source = ['ok', 42];
    expect(messageOf(badSource)).toBe('Danh mục không hợp lệ: thủ tục thứ 1 (1.001193), nguồn thứ 2 phải là chuỗi chữ');
  });

  it('names the first three problems and counts the rest', () => {
    const input = demo();
    for (const i of [0, 1, 2, 3, 4]) delete (input.procedures[i] as Record<string, unknown>).field;
    const result = parseCatalogue(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(5);
    expect(result.message).toBe(
      'Danh mục không hợp lệ: thủ tục thứ 1 (1.001193) thiếu lĩnh vực; thủ tục thứ 2 (1.000894) thiếu lĩnh vực; ' +
        'thủ tục thứ 3 (1.000656) thiếu lĩnh vực (và 2 lỗi khác)',
    );
  });
});

describe('isNewerCatalogue', () => {
  it('takes any catalogue when there is none yet', () => {
    expect(isNewerCatalogue(null, { version: 1 })).toBe(true);
    expect(isNewerCatalogue(undefined, { version: 1 })).toBe(true);
  });

  it('replaces only by a higher version', () => {
    expect(isNewerCatalogue({ version: 3 }, { version: 4 })).toBe(true);
    expect(isNewerCatalogue({ version: 3 }, { version: 3 })).toBe(false);
    expect(isNewerCatalogue({ version: 3 }, { version: 2 })).toBe(false);
  });
});
