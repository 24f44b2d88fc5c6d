// An error in the desk's words: its code's text in the interface language (with its params), else
// its own Vietnamese message; a gateway refusal keeps its specific reason in Vietnamese.
import { createInstance, type i18n as I18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import { openDossier, transition, type DossierState } from '../../domain/dossier';
import { MotcuaError } from '../../domain/errors';
import { vi } from '../../i18n/vi';
import { en } from '../../i18n/en';
import { errorText, refusalText } from './error-text';

async function i18nIn(lng: 'vi' | 'en', withEnglish = true): Promise<I18n> {
  const i18n = createInstance();
  await i18n.init({
    resources: withEnglish ? { vi: { translation: vi }, en: { translation: en } } : { vi: { translation: vi } },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  });
  return i18n;
}

function openedState(): DossierState {
  const opened = openDossier(
    'desk',
    { id: 'staff-1', name: 'Lò Thị Mai', role: 'receptionOfficer' },
    new Date('2026-03-02T02:00:00Z'),
    new Date('2026-03-05T10:00:00Z'),
  );
  if (!opened.ok) throw new Error('open');
  return opened.value;
}

const tooLong = new MotcuaError('note.too_long', 'Nội dung ghi quá dài (5000 ký tự, tối đa 4000): rút gọn lại.', { length: 5000, max: 4000 });

describe('errorText', () => {
  it('says a coded error in English with its params, and in Vietnamese from the same code', async () => {
    expect(errorText(tooLong, await i18nIn('en'))).toBe('The note is too long (5000 characters, at most 4000): shorten it.');
    expect(errorText(tooLong, await i18nIn('vi'))).toBe('Nội dung ghi quá dài (5000 ký tự, tối đa 4000): rút gọn lại.');
  });

  it('falls back to the Vietnamese message for a code with no text, or English not loaded yet', async () => {
    const unknown = new MotcuaError('status.never_written', 'Không thể "Trả kết quả" khi hồ sơ chưa có kết quả.');
    expect(errorText(unknown, await i18nIn('en'))).toBe(unknown.message);
    expect(errorText(tooLong, await i18nIn('en', false))).toBe(tooLong.message);
  });

  it("says the state machine's refusals with the desk's own names of the action and the status, in either language", async () => {
    const refused = transition(
      openedState(),
      'returnResult',
      { id: 'staff-1', name: 'Lò Thị Mai', role: 'receptionOfficer' },
      new Date('2026-03-02T03:00:00Z'),
      { extendAppointment: (oldDue) => oldDue },
    );
    if (refused.ok) throw new Error('returning a result before it is ready must be refused');
    const [first] = refused.errors;
    const error = new MotcuaError(first!.code, first!.message, first!.params);
    expect(errorText(error, await i18nIn('en'))).toBe('Cannot "Return the result" while the dossier is "Received".');
    expect(errorText(error, await i18nIn('vi'))).toBe(
      `Không thể "${vi.dossiers.actions.returnResult}" khi hồ sơ đang ở trạng thái "${vi.dossiers.status['2']}".`,
    );
  });

  it('never shows a group of texts, a key or another namespace for a code that names one', async () => {
    const en = await i18nIn('en');
    for (const code of ['file', 'errors', 'translation:app.name', 'app.name', '__proto__']) {
      expect(errorText(new MotcuaError(code, 'Thông điệp gốc.'), en)).toBe('Thông điệp gốc.');
    }
  });

  it('reads an error without a code by its message, and a clone that lost its class by its code', async () => {
    const en = await i18nIn('en');
    expect(errorText(new Error('Hỏng'), en)).toBe('Hỏng');
    expect(errorText('chuỗi', en)).toBe('chuỗi');
    expect(errorText(structuredClone({ code: 'draft.gone', message: 'Bản nháp không còn.' }), en)).toBe(
      'The draft is no longer on this device (already received or deleted).',
    );
  });
});

describe('refusalText', () => {
  const refusal = { reason: 'Không tìm thấy hồ sơ trên máy chủ (hồ sơ chưa được gửi lên, hoặc đã bị từ chối khi đồng bộ).', code: 'dossier.not_on_server' };

  it('keeps the gateway’s reason in Vietnamese, and says its code in English', async () => {
    expect(refusalText(refusal, await i18nIn('vi'))).toBe(refusal.reason);
    expect(refusalText(refusal, await i18nIn('en'))).toBe('The server has no such dossier (it was not sent yet, or was refused when syncing).');
  });

  it('shows the reason in English too when the gateway sent no code, or one this app does not know', async () => {
    const en = await i18nIn('en');
    expect(refusalText({ reason: refusal.reason }, en)).toBe(refusal.reason);
    expect(refusalText({ reason: refusal.reason, code: 'dossier.teleported' }, en)).toBe(refusal.reason);
  });
});

describe('a text whose values the error lacks', () => {
  it('is not shown with a blank: the message is', async () => {
    const bare = new MotcuaError('note.too_long', 'Nội dung ghi quá dài: rút gọn lại.');
    expect(errorText(bare, await i18nIn('en'))).toBe('Nội dung ghi quá dài: rút gọn lại.');
    expect(errorText(new MotcuaError('note.too_long', 'x', { length: 10 }), await i18nIn('en'))).toBe('x');
  });
});
