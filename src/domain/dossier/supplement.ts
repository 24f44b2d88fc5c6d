// Nhận hồ sơ bổ sung: what each line of Phiếu yêu cầu bổ sung (Mẫu 02) needs when the citizen
// comes back, and the note the receipt is logged (and sent upward) with.
import { DossierErrorCode } from './errors';
import { fail, ok, type Result } from './result';

/** What came back for one line of Mẫu 02: the PDFs captured for it, and the officer's note. */
export interface SupplementAnswer {
  papers: number;
  note: string;
}

/**
 * Every line of Mẫu 02 is answered by its paper, captured; or, when no copy is kept, by a note
 * saying why. A commune officer expects both halves of that rule:
 * - not "a paper always": some lines are met by showing an original for comparison (bản chính để
 *   đối chiếu, a CCCD) that the desk hands back and must not copy, or by a fault corrected on the
 *   paper already filed; forcing a photo there would only teach officers to photograph the desk;
 * - not "nothing required": receiving restarts the clock (5 → 4) and a dossier gets one request
 *   only, so a line left silently unanswered reaches the processing officer as a gap nobody
 *   explained, and the citizen cannot be asked again. The note says who saw what, in the log.
 * `items` lists the lines; `answers` is index for index (a missing answer is an empty one).
 */
export function answerSupplement(items: readonly { name: string }[], answers: readonly SupplementAnswer[]): Result<{ note: string }> {
  const lines: string[] = [];
  for (const [i, item] of items.entries()) {
    const answer = answers[i] ?? { papers: 0, note: '' };
    const note = answer.note.normalize('NFC').trim();
    if (answer.papers === 0 && note === '') {
      return fail(
        `items.${i}`,
        DossierErrorCode.SupplementPaperMissing,
        `Giấy tờ "${item.name}" chưa có bản chụp: chụp hoặc chọn tệp, hoặc ghi lý do không lưu bản chụp (ví dụ chỉ xuất trình bản chính để đối chiếu).`,
      );
    }
    if (note !== '') lines.push(`${item.name}: ${note}`);
  }
  return ok({ note: lines.join('; ') });
}
