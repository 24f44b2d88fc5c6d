// The citizen status page as HTML: one small server-rendered document in Vietnamese, inline CSS
// only and no script, readable on a cheap phone at 320 px and with JavaScript off. Every text
// that came from outside or from a dossier is escaped here.
import { createHash } from 'node:crypto';
import { CITIZEN_STATUS_WORDS_VI, MAX_LOOKUP_INPUT, STATUS_PAGE_PATH, vnDayMonthYear, vnTimeOnDay } from '../../src/domain/dossier';
import type { CitizenStatus } from './lookup';

export const NOT_FOUND_TEXT = 'Không tìm thấy hồ sơ khớp với thông tin đã nhập';
export const CODE_LABEL = 'Mã hồ sơ hoặc mã tra cứu';
export const DIGITS_LABEL = '4 số cuối số định danh (CCCD) của người nộp';

const STYLE = `*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#f4f5f7}
main{max-width:32rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.25rem 0 1rem;color:#0b3d91}
h2{font-size:1.15rem;margin:0 0 .5rem}
section,form{background:#fff;border:1px solid #d0d4da;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
label:first-child{margin-top:0}
input{width:100%;font:inherit;padding:.6rem;border:1px solid #767b85;border-radius:.35rem}
button{margin-top:1rem;width:100%;font:inherit;font-weight:700;padding:.75rem;border:0;border-radius:.35rem;background:#0b3d91;color:#fff}
.status{font-size:1.2rem;font-weight:700;margin:0 0 .75rem}
dl{margin:0}
dt{color:#4a4f57;font-size:.95rem}
dd{margin:0 0 .5rem;font-weight:600;overflow-wrap:anywhere}
ul{margin:.25rem 0 .5rem;padding-left:1.25rem}
.problem{border-color:#b3261e;color:#7a1a14}
.note{font-size:.9rem;color:#4a4f57}`;

/** The page's policy: nothing at all but its own inline style (by hash), and forms posted to itself. */
export const STATUS_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export type StatusPageBody =
  | { kind: 'form' }
  | { kind: 'found'; status: CitizenStatus }
  | { kind: 'notFound' }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'tooMany'; waitSeconds: number }
  | { kind: 'tooLarge' };

/** The whole document: the answer (if any) above the form, the form pre-filled with the code only. */
export function renderStatusPage(body: StatusPageBody, code = ''): string {
  const prefill = code.length <= MAX_LOOKUP_INPUT ? code : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Tra cứu tình trạng hồ sơ</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Tra cứu tình trạng hồ sơ</h1>
${answer(body)}<form method="post" action="${STATUS_PAGE_PATH}">
<label for="ma">${CODE_LABEL}</label>
<input id="ma" name="ma" value="${escapeHtml(prefill)}" required maxlength="${MAX_LOOKUP_INPUT}" autocomplete="off" autocapitalize="characters" spellcheck="false">
<label for="so">${DIGITS_LABEL}</label>
<input id="so" name="so" inputmode="numeric" pattern="[0-9]{4}" minlength="4" maxlength="4" required autocomplete="off">
<button type="submit">Tra cứu</button>
</form>
<p class="note">Mã hồ sơ in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả; mã tra cứu in trên phiếu theo dõi. Trang này không hiển thị thông tin cá nhân.</p>
</main>
</body>
</html>
`;
}

function answer(body: StatusPageBody): string {
  switch (body.kind) {
    case 'form':
      return '';
    case 'found':
      return found(body.status);
    case 'notFound':
      return problem(`${NOT_FOUND_TEXT}.`, 'Hãy kiểm tra lại mã in trên giấy hẹn và 4 số cuối số định danh (CCCD) của người nộp hồ sơ.');
    case 'invalid':
      return problem('Thông tin nhập chưa đúng.', body.problems.join(' '));
    case 'tooMany':
      return problem(
        'Đã tra cứu quá nhiều lần.',
        `Vui lòng thử lại sau khoảng ${Math.max(1, Math.ceil(body.waitSeconds / 60))} phút, hoặc hỏi Bộ phận một cửa nơi nộp hồ sơ.`,
      );
    case 'tooLarge':
      return problem('Nội dung gửi lên quá lớn.', 'Hãy nhập lại mã hồ sơ và 4 số cuối số định danh.');
  }
}

function problem(title: string, detail: string): string {
  return `<section class="problem" role="alert"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(detail)}</p></section>\n`;
}

function found(s: CitizenStatus): string {
  const rows: [string, string][] = [];
  if (s.code) rows.push(['Mã hồ sơ', s.code]);
  else if (s.lookupCode) rows.push(['Mã tra cứu', s.lookupCode]);
  if (s.procedureName) rows.push(['Thủ tục', s.procedureName]);
  if (s.appointmentAt && s.status !== 3 && s.status !== 7) {
    // While the desk waits on the citizen the clock stops (DOMAIN.md §4): the date moves later.
    const paused = s.status === 5 || s.status === 6;
    rows.push(['Ngày hẹn trả kết quả', `${vnDayMonthYear(s.appointmentAt)}${paused ? ' (sẽ lùi thêm số ngày chờ ông/bà bổ sung)' : ''}`]);
  }
  if (s.resultReadyAt && (s.status === 9 || s.status === 10)) rows.push(['Có kết quả lúc', vnTimeOnDay(s.resultReadyAt)]);
  if (s.returnedAt && s.status === 10) rows.push(['Đã trả kết quả lúc', vnTimeOnDay(s.returnedAt)]);
  let more = '';
  if (s.status === 5) {
    more =
      s.missing.length > 0
        ? `<p>Giấy tờ cần bổ sung:</p><ul>${s.missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`
        : '<p>Mời ông/bà liên hệ Bộ phận một cửa để biết giấy tờ cần bổ sung.</p>';
  } else if (s.status === 3) {
    more = `<p>Lý do: ${escapeHtml(s.refusalReason ?? 'mời ông/bà liên hệ Bộ phận một cửa.')}</p>`;
  }
  const list = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return `<section aria-labelledby="kq"><h2 id="kq">Tình trạng hồ sơ</h2><p class="status" data-status="${s.status}">${escapeHtml(CITIZEN_STATUS_WORDS_VI[s.status])}</p>${more}<dl>${list}</dl></section>\n`;
}
