// The quarantine as an officer reads it: in English, a refusal whose code the app knows is said in
// English; in Vietnamese the gateway's own, more specific reason stays.
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../db';
import { vi } from '../../i18n/vi';
import { en } from '../../i18n/en';
import { textOf } from '../../shared/ui/papers/test-support';
import type { QuarantineList as QuarantineListView } from './QuarantineList';

const reason = 'Máy chủ chưa nhận được tệp "to-khai.pdf": tệp phải được gửi lên trước. Hãy đồng bộ lại khi có mạng.';
const entries: OutboxEntry[] = [
  {
    seq: 7,
    kind: 'dossier.transition',
    entityId: 'd-1',
    payload: { code: '000.00.12.H38-260302-0001' },
    createdAt: '2026-03-02T03:00:00Z',
    status: 'rejected',
    attempts: 1,
    lastError: reason,
    lastErrorCode: 'file.not_uploaded',
  },
  {
    seq: 8,
    kind: 'dossier.rate',
    entityId: 'd-2',
    payload: null,
    createdAt: '2026-03-02T03:00:00Z',
    status: 'rejected',
    attempts: 1,
    lastError: 'Lý do từ một máy chủ cũ, không có mã.',
  },
];

// The list's fix form brings in the shared views, one of which reads `window` when loaded: a bare one serves here.
let QuarantineList: typeof QuarantineListView;
beforeAll(async () => {
  (globalThis as { window?: object }).window ??= {};
  ({ QuarantineList } = await import('./QuarantineList'));
});

async function render(lng: 'vi' | 'en') {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return textOf(renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(QuarantineList, { entries }))));
}

describe('QuarantineList', () => {
  it('says a coded refusal in English, and a refusal without a code by its reason', async () => {
    const text = await render('en');
    expect(text).toContain('Refused by the server (2)');
    expect(text).toContain('dossier action: The server has not received one of the files of this change yet');
    expect(text).not.toContain('to-khai.pdf');
    expect(text).toContain('satisfaction rating: Lý do từ một máy chủ cũ, không có mã.');
  });
});

describe('QuarantineList in Vietnamese', () => {
  it('keeps the gateway’s own reason, which names the file', async () => {
    const text = await render('vi');
    expect(text).toContain(`xử lý hồ sơ: ${reason}`);
    expect(text).toContain('Lý do từ một máy chủ cũ, không có mã.');
  });
});
