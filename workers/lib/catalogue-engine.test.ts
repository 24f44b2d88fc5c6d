// The worker's catalogue work, run in-process: downloads are judged whole, a cached index
// answers exactly like a freshly built one, and a search never answers from the wrong version.
import { describe, expect, it } from 'vitest';
import { demoCatalogue } from '../../src/domain/catalogue';
import { CatalogueEngine, prepareCatalogue, prepareDemoCatalogue } from './catalogue-engine';

const demo = demoCatalogue();
const body = JSON.stringify({ ...demo, version: 2 });

describe('prepareCatalogue', () => {
  it('accepts a whole, valid catalogue and builds its index', () => {
    const prepared = prepareCatalogue(body);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.catalogue.version).toBe(2);
    expect(prepared.catalogue.procedures).toHaveLength(demo.procedures.length);
    expect(JSON.parse(prepared.index)).toMatchObject({ format: 1 });
  });

  it('calls a cut-off download corrupt', () => {
    const prepared = prepareCatalogue(body.slice(0, Math.floor(body.length / 2)));
    expect(prepared).toEqual({
      ok: false,
      reason: 'corrupt',
      message: 'không đọc được nội dung JSON (tệp bị cắt ngang hoặc hỏng)',
    });
  });

  it('calls well-formed JSON of the wrong shape invalid, with the domain message', () => {
    const wrong = JSON.stringify({ ...demo, version: 3, procedures: demo.procedures.map((p, i) => (i === 1 ? { ...p, field: '' } : p)) });
    expect(prepareCatalogue(wrong)).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Danh mục không hợp lệ: thủ tục thứ 2 (1.000894) lĩnh vực để trống',
    });
  });

  it('prepares the bundled demo catalogue (version 1, 53 procedures)', () => {
    const prepared = prepareDemoCatalogue();
    expect(prepared.catalogue.version).toBe(1);
    expect(prepared.catalogue.procedures).toHaveLength(53);
  });
});

describe('CatalogueEngine', () => {
  it('builds when nothing is cached, and a cached index answers the same', () => {
    const built = new CatalogueEngine();
    const { built: snapshot } = built.open(1, demo.procedures);
    expect(typeof snapshot).toBe('string');
    const restored = new CatalogueEngine();
    expect(restored.open(1, [], snapshot)).toEqual({});
    for (const query of ['dang ky khai sinh', '1.001193.000.00.00.H56', 'chung thuc ban xao']) {
      expect(restored.search(1, query)).toEqual(built.search(1, query));
    }
    expect(built.search(1, 'đăng ký khai sinh')?.[0]?.code).toBe('1.001193');
  });

  it('rebuilds from the procedures when the cached index is unreadable', () => {
    const engine = new CatalogueEngine();
    const result = engine.open(1, demo.procedures, '{"format": 1, "engine": ');
    expect(typeof result.built).toBe('string');
    expect(engine.search(1, 'khai tu')?.[0]?.code).toBe('1.000656');
  });

  it('answers null for a version it has not loaded, so the client reopens', () => {
    const engine = new CatalogueEngine();
    expect(engine.search(1, 'khai sinh')).toBeNull();
    engine.open(1, demo.procedures);
    expect(engine.search(2, 'khai sinh')).toBeNull();
    expect(engine.search(1, 'khai sinh', { field: 'Chứng thực' })).toEqual([]);
  });
});
