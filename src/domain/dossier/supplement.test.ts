// Each line of Mẫu 02 is answered by a paper or by a note saying why no copy is kept.
import { describe, expect, it } from 'vitest';
import { answerSupplement } from './supplement';

const lines = [{ name: 'Giấy chứng sinh' }, { name: 'CCCD' }];

describe('answerSupplement', () => {
  it('takes a paper or a note for every line, and logs the notes by line', () => {
    expect(
      answerSupplement(lines, [
        { papers: 1, note: '' },
        { papers: 0, note: ' Xuất trình bản chính, đã trả lại ' },
      ]),
    ).toEqual({
      ok: true,
      value: { note: 'CCCD: Xuất trình bản chính, đã trả lại' },
    });
    expect(
      answerSupplement(lines, [
        { papers: 2, note: '' },
        { papers: 1, note: '' },
      ]),
    ).toEqual({ ok: true, value: { note: '' } });
  });

  it('refuses the first line with neither, blank and missing answers alike', () => {
    for (const answers of [
      [
        { papers: 1, note: '' },
        { papers: 0, note: ' \n ' },
      ],
      [{ papers: 1, note: '' }],
    ]) {
      const checked = answerSupplement(lines, answers);
      expect(checked).toMatchObject({ ok: false, errors: [{ field: 'items.1', code: 'supplement.paper_missing' }] });
    }
  });
});
