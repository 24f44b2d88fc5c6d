// Test helpers for the papers: static HTML of a paper, its visible text, and sample data of a
// typical birth-registration dossier (fake person, demo commune). Imported only by *.test.ts.
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReceiptPaperProps } from './types';

export function html<P extends object>(component: FunctionComponent<P>, props: P): string {
  return renderToStaticMarkup(createElement(component, props));
}

/** The text a reader sees: block ends become spaces, other tags vanish, entities decoded, whitespace collapsed. */
export function textOf(markup: string): string {
  return markup
    .replace(/<\/(p|div|td|th|h[1-6]|li|dt|dd|header|section|button)>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export const demoUnit = {
  name: 'UBND xã Bản Mẫu',
  parentName: 'UBND tỉnh Lào Cai',
  agencyCode: '000.00.12.H38',
  place: 'Bản Mẫu',
};

export const sampleReceipt: ReceiptPaperProps = {
  size: 'A4',
  unit: demoUnit,
  dossierCode: '000.00.12.H38-250701-0007',
  provisional: false,
  applicant: {
    fullName: 'Nguyễn Văn Mẫu',
    idNumber: '001099000001',
    address: 'Số 1 Đường Thử Nghiệm, xã Bản Mẫu, tỉnh Lào Cai',
    phone: '0912345678',
    email: 'mau.nv@example.vn',
  },
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh', processingText: 'Trong ngày làm việc' },
  components: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0 },
    { name: 'Giấy chứng sinh', originals: 1, certifiedCopies: 0, photocopies: 0 },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ', originals: 0, certifiedCopies: 1, photocopies: 0 },
    { name: 'Giấy tờ tùy thân của người đi đăng ký', originals: 0, certifiedCopies: 0, photocopies: 1 },
    { name: 'Văn bản ủy quyền (nếu có)', originals: 1, certifiedCopies: 0, photocopies: 0 },
    { name: 'Giấy tờ chứng minh nơi cư trú', originals: 0, certifiedCopies: 0, photocopies: 2 },
    { name: 'Biên bản xác nhận việc sinh (trường hợp không có giấy chứng sinh)', originals: 1, certifiedCopies: 0, photocopies: 0 },
  ],
  sets: 1,
  receivedAt: '2025-07-01T02:15:00Z', // 09:15 in Vietnam
  dueAt: '2025-07-01T10:00:00Z', // 17:00 in Vietnam
  resultPlace: 'Bộ phận Một cửa UBND xã Bản Mẫu',
  officer: { fullName: 'Trần Thị Tiếp Nhận', phone: '0203 3812 345' },
  qrText: 'MaHoSo:000.00.12.H38-250701-0007|MaTTHC:1.001193|SoGiayTo:001099000001|Giay tiep nhan ho so|Motcua|20250701091500|20250701170000',
};
