// Realistic searches against the demo catalogue, each with the procedure the person meant.
// Written from how officers and villagers type (before running them against the engine, and
// not adjusted to it afterwards), so the top-3 share measured in search.test.ts is honest and
// can fail. A few colloquial ones ("sổ đỏ", "độc thân") are expected to be hard.

export type QueryKind = 'accented' | 'plain' | 'typo' | 'partial' | 'iy' | 'code' | 'field' | 'colloquial';

export interface QueryCase {
  query: string;
  /** Code of the procedure the person meant (as in demo-catalogue.json). */
  expected: string;
  kind: QueryKind;
}

export const catalogueQuerySet: readonly QueryCase[] = [
  // Typed with accents, as an officer with a Vietnamese keyboard would.
  { query: 'đăng ký khai sinh', expected: '1.001193', kind: 'accented' },
  { query: 'đăng ký kết hôn', expected: '1.000894', kind: 'accented' },
  { query: 'khai tử', expected: '1.000656', kind: 'accented' },
  { query: 'xác nhận tình trạng hôn nhân', expected: '1.004873', kind: 'accented' },
  { query: 'nhận cha mẹ con', expected: '1.001022', kind: 'accented' },
  { query: 'giám hộ', expected: '1.004837', kind: 'accented' },
  { query: 'chấm dứt giám hộ', expected: '1.004845', kind: 'accented' },
  { query: 'cải chính hộ tịch', expected: '1.004859', kind: 'accented' },
  { query: 'đăng ký lại khai sinh', expected: '1.004884', kind: 'accented' },
  { query: 'khai sinh lưu động', expected: '1.003583', kind: 'accented' },
  { query: 'trích lục hộ tịch', expected: '2.000635', kind: 'accented' },
  { query: 'kết hôn có yếu tố nước ngoài', expected: '2.000806', kind: 'accented' },
  { query: 'chứng thực bản sao', expected: '2.000815', kind: 'accented' },
  { query: 'chứng thực chữ ký', expected: '2.000884', kind: 'accented' },
  { query: 'chứng thực di chúc', expected: '2.001019', kind: 'accented' },
  { query: 'nuôi con nuôi', expected: '2.001263', kind: 'accented' },
  { query: 'đăng ký thường trú', expected: '1.004222', kind: 'accented' },
  { query: 'tách hộ', expected: '1.010038', kind: 'accented' },
  { query: 'khai báo tạm vắng', expected: '1.003677', kind: 'accented' },
  { query: 'hộ nghèo', expected: '1.011607', kind: 'accented' },
  { query: 'giấy xác nhận khuyết tật', expected: '1.001699', kind: 'accented' },
  { query: 'tranh chấp đất đai', expected: '1.013967', kind: 'accented' },
  { query: 'tạm ngừng kinh doanh', expected: '1.001570', kind: 'accented' },

  // Without accents: a phone without a Vietnamese keyboard, or haste.
  { query: 'dang ky khai sinh', expected: '1.001193', kind: 'plain' },
  { query: 'dang ky ket hon', expected: '1.000894', kind: 'plain' },
  { query: 'khai tu', expected: '1.000656', kind: 'plain' },
  { query: 'xac nhan tinh trang hon nhan', expected: '1.004873', kind: 'plain' },
  { query: 'chung thuc chu ky', expected: '2.000884', kind: 'plain' },
  { query: 'gia han tam tru', expected: '1.002755', kind: 'plain' },
  { query: 'xoa dang ky thuong tru', expected: '1.003197', kind: 'plain' },
  { query: 'tro cap xa hoi', expected: '1.001776', kind: 'plain' },
  { query: 'ho tro mai tang', expected: '1.001731', kind: 'plain' },
  { query: 'ban sao giay khai sinh', expected: '2.000635', kind: 'plain' },

  // One wrong, missing or extra letter.
  { query: 'đăng ký khai sinhh', expected: '1.001193', kind: 'typo' },
  { query: 'dang ky thong tru', expected: '1.004222', kind: 'typo' },
  { query: 'giay xac nhan khuyen tat', expected: '1.001699', kind: 'typo' },
  { query: 'trich luc ho tick', expected: '2.000635', kind: 'typo' },
  { query: 'chung thuc ban xao', expected: '2.000815', kind: 'typo' },
  { query: 'dang ky ket hom', expected: '1.000894', kind: 'typo' },
  { query: 'nuoi con nui', expected: '2.001263', kind: 'typo' },
  { query: 'chung thc chu ky', expected: '2.000884', kind: 'typo' },

  // Half-typed: what the box holds while the user is still typing.
  { query: 'xac nhan tinh tr', expected: '1.004873', kind: 'partial' },
  { query: 'chung thuc di', expected: '2.001019', kind: 'partial' },
  { query: 'tach h', expected: '1.010038', kind: 'partial' },
  { query: 'khai bao tam v', expected: '1.003677', kind: 'partial' },
  { query: 'đăng ký khai t', expected: '1.000656', kind: 'partial' },
  { query: 'tranh chấp đ', expected: '1.013967', kind: 'partial' },
  { query: 'dang ky thanh lap ho kinh', expected: '1.001612', kind: 'partial' },

  // i for y (kí/ký, lí/lý): both spellings are in use.
  { query: 'đăng kí khai sinh', expected: '1.001193', kind: 'iy' },
  { query: 'dang ki ket hon', expected: '1.000894', kind: 'iy' },
  { query: 'chứng thực chữ kí', expected: '2.000884', kind: 'iy' },
  { query: 'đăng kí tạm trú', expected: '1.004194', kind: 'iy' },
  { query: 'dang ki giam ho', expected: '1.004837', kind: 'iy' },

  // Codes, as read off a provincial receipt or the national portal.
  { query: '1.001193', expected: '1.001193', kind: 'code' },
  { query: '1.001193.000.00.00.H56', expected: '1.001193', kind: 'code' },
  { query: '2.000815.000.00.00.H38', expected: '2.000815', kind: 'code' },
  { query: '1.0011', expected: '1.001193', kind: 'code' },
  { query: '1.00487', expected: '1.004873', kind: 'code' },
  { query: '001193', expected: '1.001193', kind: 'code' },
  { query: '3.000722', expected: '3.000722', kind: 'code' },

  // Field (lĩnh vực) words mixed in.
  { query: 'hộ tịch kết hôn nước ngoài', expected: '2.000806', kind: 'field' },
  { query: 'cư trú tạm vắng', expected: '1.003677', kind: 'field' },
  { query: 'bảo trợ xã hội mai táng', expected: '1.001731', kind: 'field' },
  { query: 'đất đai cấp lại giấy chứng nhận', expected: '1.012786', kind: 'field' },
  { query: 'nuoi con nuoi dang ky lai', expected: '2.001255', kind: 'field' },
  { query: 'chứng thực hợp đồng mua bán đất', expected: '2.001035', kind: 'field' },

  // A villager's own words.
  { query: 'làm giấy khai sinh cho con', expected: '1.001193', kind: 'colloquial' },
  { query: 'xin giấy xác nhận độc thân', expected: '1.004873', kind: 'colloquial' },
  { query: 'cấp lại sổ đỏ bị mất', expected: '1.012786', kind: 'colloquial' },
  { query: 'đăng ký tạm trú cho người thuê trọ', expected: '1.004194', kind: 'colloquial' },
  { query: 'xin trợ cấp người già', expected: '1.001776', kind: 'colloquial' },
];
