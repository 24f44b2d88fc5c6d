import { describe, expect, it } from 'vitest';
import { demoCatalogue } from './demo';
import { catalogueQuerySet } from './query-set';
import { buildCatalogueIndex, linearScanSearch, listFields, loadIndex, searchCatalogue, serializeIndex } from './search';
import type { SearchableProcedure } from './search';

const procedures = demoCatalogue().procedures;
const index = buildCatalogueIndex(procedures);

const codes = (query: string, options?: Parameters<typeof searchCatalogue>[2]) => searchCatalogue(index, query, options).map((r) => r.code);

describe('searchCatalogue: words', () => {
  it('finds a procedure typed without accents', () => {
    expect(codes('dang ky khai sinh')[0]).toBe('1.001193');
    expect(searchCatalogue(index, 'dang ky khai sinh')[0]).toMatchObject({
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
    });
  });

  it('accepts NFD and upper-case input', () => {
    expect(codes('ĐĂNG KÝ KẾT HÔN'.normalize('NFD'))[0]).toBe('1.000894');
  });

  it('matches prefixes while the user is typing', () => {
    expect(codes('xac nhan tinh tr')[0]).toBe('1.004873');
    expect(codes('khai bao tam v')[0]).toBe('1.003677');
    const typing = searchCatalogue(index, 'chứng th');
    expect(typing.length).toBeGreaterThan(3);
    for (const r of typing.slice(0, 5)) expect(r.name.toLowerCase()).toContain('chứng thực');
  });

  it('tolerates one wrong, missing or extra letter in a longer word', () => {
    expect(codes('dang ky khai sinhh')[0]).toBe('1.001193');
    expect(codes('giay xac nhan khuyen tat')[0]).toBe('1.001699');
    // "thong" is a real word (liên thông), so it is not corrected; the meant procedure still
    // comes near the top among those matching the other words.
    expect(codes('dang ky thong tru', { limit: 3 })).toContain('1.004222');
    expect(codes('trich luc ho tick')[0]).toBe('2.000635');
  });

  it('does not treat a short word, or a word the catalogue has, as a typo', () => {
    // "tu" (khai tử) is one letter from "to"; short words are too close to each other.
    expect(codes('to')).not.toContain('1.000656');
    // "dang" is a real word, so "... lưu động" gets nothing for being one letter away.
    expect(codes('dang ky khai sinh').indexOf('1.003583')).toBeGreaterThan(0);
  });

  it('matches only the last word as a prefix, and not once it is finished', () => {
    expect(codes('tach h')[0]).toBe('1.010038');
    // With a space after it, "ho" is a finished word: "hòa", "hôn" no longer match it.
    for (const r of searchCatalogue(index, 'ho ')) {
      expect(
        r.name
          .toLowerCase()
          .split(/[^\p{L}]+/u)
          .some((w) => /^h[oòóỏõọôồốổỗộơờớởỡợ]$/u.test(w)),
      ).toBe(true);
    }
  });

  it('treats i and y spellings as one', () => {
    expect(codes('đăng kí khai sinh')[0]).toBe('1.001193');
    expect(codes('dang ki ket hon')[0]).toBe('1.000894');
    // A half-typed "quy" may become "quyền": the unmapped form is still a prefix.
    expect(codes('quy')).toContain('1.012783');
  });

  it('ignores the noise words "thủ tục"', () => {
    // 1.005461 "Đăng ký lại khai tử" has no "thủ tục" in its name and must still match fully.
    const withNoise = codes('thủ tục đăng ký lại khai tử');
    expect(withNoise[0]).toBe('1.005461');
    expect(withNoise).toEqual(codes('đăng ký lại khai tử'));
  });

  it('puts procedures matching every word before those matching some', () => {
    const results = searchCatalogue(index, 'làm giấy khai sinh cho con', { limit: 20 });
    expect(results.length).toBe(20);
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Nothing has "làm", so every result is a partial match; khai sinh ones still lead.
    expect(results[0]?.name.toLowerCase()).toContain('khai sinh');
  });

  it('lists the catalogue (or one field) for a blank query', () => {
    expect(codes('', { limit: 3 })).toEqual(['1.001193', '1.000894', '1.000656']);
    expect(codes('   thủ tục  ', { limit: 3 })).toEqual(['1.001193', '1.000894', '1.000656']);
    const chungThuc = procedures.filter((p) => p.field === 'Chứng thực').map((p) => p.code);
    expect(codes('', { field: 'Chứng thực', limit: 100 })).toEqual(chungThuc);
  });

  it('honours the limit', () => {
    expect(codes('dang ky', { limit: 3 })).toHaveLength(3);
    expect(codes('dang ky', { limit: 0 })).toEqual([]);
    expect(codes('dang ky')).toHaveLength(10);
  });
});

describe('searchCatalogue: accents typed are a signal', () => {
  it('ranks the accented word above words that only fold to it (real catalogue)', () => {
    // "hỗ" (hỗ trợ, support) and "hộ" (household) both fold to "ho".
    expect(codes('hỗ').slice(0, 2).sort()).toEqual(['1.001731', '1.001776']);
    for (const r of searchCatalogue(index, 'hộ', { limit: 5 })) {
      expect(r.name.toLowerCase().split(/[^\p{L}]+/u)).toContain('hộ');
    }
    // "giảm" (Giảm nghèo field) against "giám" (giám hộ).
    expect(codes('giảm')[0]).toBe('1.011607');
    expect(codes('giám').slice(0, 2).sort()).toEqual(['1.004837', '1.004845']);
  });

  it('ranks by the accents typed when names fold to the same letters', () => {
    const twins: SearchableProcedure[] = [
      { code: '1.000001', name: 'Thay đổi họ', field: 'Hộ tịch' },
      { code: '1.000002', name: 'Thay đổi hộ', field: 'Hộ tịch' },
      { code: '1.000003', name: 'Thay đổi hồ', field: 'Hộ tịch' },
    ];
    const small = buildCatalogueIndex(twins);
    const top = (query: string) => searchCatalogue(small, query)[0]?.code;
    expect(top('thay đổi họ')).toBe('1.000001');
    expect(top('thay đổi hộ')).toBe('1.000002');
    expect(top('thay đổi hồ')).toBe('1.000003');
    // Without accents all three match equally well.
    const plain = searchCatalogue(small, 'thay doi ho');
    expect(plain).toHaveLength(3);
    expect(plain[0]?.score).toBeCloseTo(plain[2]?.score ?? 0);
  });

  it('matches old-style tone placement exactly too', () => {
    const small = buildCatalogueIndex([
      { code: '1.000001', name: 'Hòa giải tranh chấp', field: 'Đất đai' },
      { code: '1.000002', name: 'Hoa giai tranh chap', field: 'Đất đai' },
    ]);
    expect(searchCatalogue(small, 'hoà giải')[0]?.code).toBe('1.000001');
  });
});

describe('searchCatalogue: codes', () => {
  it('finds a national code', () => {
    expect(codes('1.001193')[0]).toBe('1.001193');
    expect(codes('3.000722')[0]).toBe('3.000722');
  });

  it('finds the national procedure from a provincial code', () => {
    expect(codes('1.001193.000.00.00.H56')[0]).toBe('1.001193');
    expect(codes('1.001193.000.00.00.h56')[0]).toBe('1.001193');
    expect(codes('1.001193.000')[0]).toBe('1.001193');
  });

  it('prefix-matches a partial code and the bare six digits', () => {
    expect(codes('1.0011')).toEqual(['1.001193']);
    expect(codes('1.00487')).toEqual(['1.004873']);
    expect(codes('1.0048').sort()).toEqual(['1.004837', '1.004845', '1.004859', '1.004873', '1.004884']);
    expect(codes('001193')[0]).toBe('1.001193');
  });

  it('finds a catalogue entry stored under its provincial code', () => {
    const small = buildCatalogueIndex([
      { code: '1.001193.000.00.00.H56', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch' },
      { code: '1.000894.000.00.00.H56', name: 'Thủ tục đăng ký kết hôn', field: 'Hộ tịch' },
    ]);
    expect(searchCatalogue(small, '1.001193').map((r) => r.code)).toEqual(['1.001193.000.00.00.H56']);
  });

  it('finds a provisional code', () => {
    expect(codes('TAM.000002')[0]).toBe('TAM.000002');
  });
});

describe('searchCatalogue: field filter', () => {
  it('keeps only the chosen field', () => {
    expect(codes('ban sao')).toContain('2.000635'); // Hộ tịch: bản sao trích lục
    const filtered = searchCatalogue(index, 'ban sao', { field: 'Chứng thực' });
    expect(filtered.length).toBeGreaterThan(0);
    for (const r of filtered) expect(r.field).toBe('Chứng thực');
    expect(filtered.map((r) => r.code)).not.toContain('2.000635');
  });

  it('compares the field without accents or case', () => {
    expect(codes('ban sao', { field: 'chung thuc' })).toEqual(codes('ban sao', { field: 'Chứng thực' }));
  });

  it('finds procedures by their field words', () => {
    const cuTru = searchCatalogue(index, 'cư trú', { limit: 6 });
    expect(cuTru.map((r) => r.field)).toEqual(Array(6).fill('Đăng ký, quản lý cư trú'));
  });
});

describe('listFields', () => {
  it('lists each field once, in Vietnamese order', () => {
    const fields = listFields(procedures);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toContain('Hộ tịch');
    expect(fields).toContain('Chứng thực');
    expect(fields.indexOf('Đất đai')).toBeGreaterThan(fields.indexOf('Đăng ký, quản lý cư trú'));
    expect(fields.indexOf('Đăng ký biện pháp bảo đảm')).toBeLessThan(fields.indexOf('Đất đai'));
    expect(fields.indexOf('Chứng thực')).toBeLessThan(fields.indexOf('Đăng ký biện pháp bảo đảm'));
  });
});

describe('serializeIndex / loadIndex', () => {
  it('round-trips through JSON and answers the same', () => {
    const restored = loadIndex(JSON.parse(JSON.stringify(serializeIndex(index))));
    expect(restored).not.toBeNull();
    if (!restored) return;
    expect(restored.vocabulary).toEqual(index.vocabulary);
    for (const query of ['dang ky khai sinh', 'chứng thực chữ kí', '1.001193.000.00.00.H56', 'tach h']) {
      const before = searchCatalogue(index, query);
      const after = searchCatalogue(restored, query);
      expect(after.map((r) => r.code)).toEqual(before.map((r) => r.code));
      // Scores may differ in the last bits: the restored index sums in another order.
      after.forEach((r, i) => expect(r.score).toBeCloseTo(before[i]?.score ?? NaN, 9));
    }
  });

  it('refuses a snapshot of another format or garbage, so the caller rebuilds', () => {
    const snapshot = serializeIndex(index);
    expect(loadIndex({ ...snapshot, format: snapshot.format + 1 })).toBeNull();
    expect(loadIndex({ format: snapshot.format, engine: { nonsense: true } })).toBeNull();
    expect(loadIndex(null)).toBeNull();
    expect(loadIndex('{}')).toBeNull();
  });
});

describe('linearScanSearch (benchmark baseline)', () => {
  it('finds folded substrings of names', () => {
    expect(linearScanSearch(procedures, 'dang ky khai sinh').map((r) => r.code)).toContain('1.001193');
    expect(linearScanSearch(procedures, 'Chứng Thực Di Chúc').map((r) => r.code)).toEqual(['2.001019']);
  });

  it('has none of the engine’s tolerance', () => {
    expect(linearScanSearch(procedures, 'khai sinh dang ky')).toEqual([]);
    expect(linearScanSearch(procedures, 'dang ky khai sinhh')).toEqual([]);
    expect(linearScanSearch(procedures, '')).toEqual([]);
  });
});

describe('the realistic query set', () => {
  it('has the meant procedure in the top 3 for at least 90% of queries', () => {
    const known = new Set(procedures.map((p) => p.code));
    const misses: string[] = [];
    let hits = 0;
    for (const { query, expected } of catalogueQuerySet) {
      expect(known.has(expected), `${expected} is in the catalogue`).toBe(true);
      const top3 = codes(query, { limit: 3 });
      if (top3.includes(expected)) hits++;
      else misses.push(`"${query}" → expected ${expected}, got ${top3.join(', ')}`);
    }
    const share = hits / catalogueQuerySet.length;
    console.info(
      `catalogue search top-3 share: ${hits}/${catalogueQuerySet.length} = ${share.toFixed(3)}` + (misses.length ? `\nmisses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(catalogueQuerySet.length).toBeGreaterThanOrEqual(60);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});
