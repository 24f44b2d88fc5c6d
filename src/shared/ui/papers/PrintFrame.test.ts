// The print frame's toolbar speaks the UI language (i18n) while the paper inside stays Vietnamese,
// and a render function receives the chosen size.
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { vi } from '../../../i18n/vi';
import { en } from '../../../i18n/en';
import { PrintFrame } from './PrintFrame';
import { ReceiptPaper } from './ReceiptPaper';
import { sampleReceipt, textOf } from './test-support';
import type { PaperSize } from './types';

async function renderFrame(lng: 'vi' | 'en', props: { size?: PaperSize; defaultSize?: PaperSize }) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    interpolation: { escapeValue: false },
  });
  const frame = createElement(PrintFrame, {
    ...props,
    children: (size: PaperSize) => createElement(ReceiptPaper, { ...sampleReceipt, size }),
  });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, frame));
}

describe('PrintFrame', () => {
  it('offers print and the two sizes, and draws the paper at the default size', async () => {
    const markup = await renderFrame('vi', { defaultSize: 'A5' });
    expect(markup).toContain('role="toolbar" aria-label="In giấy tờ"');
    const buttons = [...markup.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => m[0]);
    expect(buttons.map((b) => textOf(b))).toEqual(['In', 'Khổ A4', 'Khổ A5']);
    expect(buttons[1]).toContain('aria-pressed="false"');
    expect(buttons[2]).toContain('aria-pressed="true"');
    expect(markup).toContain('data-size="A5"');
    expect(markup).toContain('paper--a5');
  });

  it('translates the toolbar but keeps the official paper in Vietnamese', async () => {
    const markup = await renderFrame('en', { size: 'A4' });
    const text = textOf(markup);
    expect(text).toContain('Print A4 paper A5 paper');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(markup).toContain('paper--a4');
  });
});
