// Fixtures for the catalogue-search benchmark: a province-sized catalogue (a province's system
// holds about 1,600 procedures; 2,000 leaves headroom) grown from the real 53, and a mixed set
// of queries. Pure and deterministic: the same seed gives the same catalogue, no timing here.
import type { Catalogue, Procedure } from '../../src/domain/catalogue';
import { seededRandom } from '../support/seeded-random';

// Qualifiers seen on real procedure names: the same act for another case, place or channel.
const QUALIFIERS = [
  'có yếu tố nước ngoài',
  'cho người nước ngoài thường trú tại khu vực biên giới',
  'lưu động',
  'trường hợp ủy quyền',
  'đối với người đang cư trú ở nước ngoài',
  '(thực hiện trực tuyến toàn trình)',
  '(thủ tục liên thông)',
  'tại Ủy ban nhân dân cấp xã',
  'cho trẻ em dưới 6 tuổi',
  'đối với hộ gia đình, cá nhân',
  'trong trường hợp bị mất, hư hỏng',
  'đối với người có công với cách mạng',
  'cấp lại',
  'điều chỉnh thông tin',
  'thuộc thẩm quyền cấp xã',
  'đối với đồng bào dân tộc thiểu số',
];

// Fields a full provincial list has beyond the demo's, so the field filter has real work.
const EXTRA_FIELDS = [
  'Giáo dục và Đào tạo',
  'Y tế',
  'Nông nghiệp và Môi trường',
  'Văn hóa, Thể thao và Du lịch',
  'Lao động, Tiền lương',
  'Người có công',
  'Tài chính',
  'Xây dựng',
  'Thi đua, Khen thưởng',
  'Tôn giáo, Tín ngưỡng',
  'Phòng, chống thiên tai',
  'Thủy lợi',
];

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/**
 * A catalogue of `n` procedures: the real `base` first, unchanged (so real queries still have
 * their real answers), then variations of it. Variation codes are `K.9xxxxx`, a range no real
 * national code uses yet, so they never collide with the base.
 */
export function generateCatalogue(base: readonly Procedure[], n = 2000, seed = 1): Catalogue {
  if (base.length === 0) throw new Error('generateCatalogue needs at least one base procedure');
  const next = seededRandom(seed);
  const procedures: Procedure[] = base.slice(0, n).map((p) => ({ ...p }));
  for (let i = procedures.length; i < n; i++) {
    const model = base[i % base.length] as Procedure;
    const first = pick(QUALIFIERS, next);
    const second = next() < 0.3 ? pick(QUALIFIERS, next) : undefined;
    const name = [model.name, first, second].filter(Boolean).join(' ');
    const field = next() < 0.35 ? pick(EXTRA_FIELDS, next) : model.field;
    const level = (i % 3) + 1;
    procedures.push({
      ...model,
      code: `${level}.${String(900000 + i).padStart(6, '0')}`,
      name,
      field,
      inferred: true,
      inferredFields: ['generated benchmark fixture'],
    });
  }
  return { version: 1, issuedAt: '2026-11-01T00:00:00+07:00', procedures };
}

export type BenchQueryKind = 'accented' | 'plain' | 'typo' | 'partial' | 'iy' | 'code' | 'field' | 'colloquial';

/** 50 queries across the kinds a search box meets, for timing (and, if wanted, quality). */
export const benchQueryCases: readonly { query: string; kind: BenchQueryKind }[] = [
  { query: 'đăng ký khai sinh', kind: 'accented' },
  { query: 'đăng ký kết hôn', kind: 'accented' },
  { query: 'khai tử lưu động', kind: 'accented' },
  { query: 'chứng thực chữ ký người dịch', kind: 'accented' },
  { query: 'xác nhận tình trạng hôn nhân', kind: 'accented' },
  { query: 'hỗ trợ chi phí mai táng', kind: 'accented' },
  { query: 'đăng ký thường trú', kind: 'accented' },
  { query: 'cấp đổi giấy chứng nhận quyền sử dụng đất', kind: 'accented' },
  { query: 'dang ky khai sinh', kind: 'plain' },
  { query: 'chung thuc ban sao', kind: 'plain' },
  { query: 'ket hon co yeu to nuoc ngoai', kind: 'plain' },
  { query: 'tam ngung kinh doanh', kind: 'plain' },
  { query: 'gia han tam tru', kind: 'plain' },
  { query: 'ho ngheo can ngheo', kind: 'plain' },
  { query: 'dang ky bien phap bao dam', kind: 'plain' },
  { query: 'khai sinh', kind: 'plain' },
  { query: 'dang ky khai sinhh', kind: 'typo' },
  { query: 'xac nhan khuyen tat', kind: 'typo' },
  { query: 'chung thuc di chuk', kind: 'typo' },
  { query: 'trich luc ho tick', kind: 'typo' },
  { query: 'dang ky thong tru', kind: 'typo' },
  { query: 'tranh chap dat dia', kind: 'typo' },
  { query: 'd', kind: 'partial' },
  { query: 'da', kind: 'partial' },
  { query: 'dan', kind: 'partial' },
  { query: 'dang k', kind: 'partial' },
  { query: 'dang ky k', kind: 'partial' },
  { query: 'dang ky khai s', kind: 'partial' },
  { query: 'chứng th', kind: 'partial' },
  { query: 'xac nhan tinh tr', kind: 'partial' },
  { query: 'đăng kí khai sinh', kind: 'iy' },
  { query: 'chung thuc chu ki', kind: 'iy' },
  { query: 'quản lí cư trú', kind: 'iy' },
  { query: 'dang ki ket hon', kind: 'iy' },
  { query: '1.001193', kind: 'code' },
  { query: '1.001193.000.00.00.H56', kind: 'code' },
  { query: '2.000815', kind: 'code' },
  { query: '1.0011', kind: 'code' },
  { query: '1.9', kind: 'code' },
  { query: '001193', kind: 'code' },
  { query: 'hộ tịch', kind: 'field' },
  { query: 'chứng thực hợp đồng', kind: 'field' },
  { query: 'bảo trợ xã hội trợ cấp', kind: 'field' },
  { query: 'y tế', kind: 'field' },
  { query: 'giáo dục', kind: 'field' },
  { query: 'làm giấy khai sinh cho con', kind: 'colloquial' },
  { query: 'xin giấy xác nhận độc thân', kind: 'colloquial' },
  { query: 'cấp lại sổ đỏ bị mất', kind: 'colloquial' },
  { query: 'đăng ký tạm trú cho người thuê trọ', kind: 'colloquial' },
  { query: 'thủ tục làm căn cước cho trẻ em dưới 14 tuổi', kind: 'colloquial' },
];

export const benchQueries: readonly string[] = benchQueryCases.map((c) => c.query);
