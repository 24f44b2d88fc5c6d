// MotcuaError keeps its code, Vietnamese message and params; any thrown value reads as a coded
// error, and only a well-formed code (never a key with a namespace, a path trick or a huge string) counts.
import { describe, expect, it } from 'vitest';
import { codedError, isErrorCode, MotcuaError } from './index';

describe('MotcuaError', () => {
  it('is an Error with a stable code, a Vietnamese message and params', () => {
    const error = new MotcuaError('note.too_long', 'Nội dung ghi quá dài (5000 ký tự, tối đa 4000): rút gọn lại.', { length: 5000, max: 4000 });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('note.too_long');
    expect(error.message).toMatch(/quá dài/);
    expect(error.params).toEqual({ length: 5000, max: 4000 });
  });

  it('raises a domain check’s error with its code', () => {
    const error = MotcuaError.from({ code: 'status.illegal_transition', message: 'Không thể "Trả kết quả" khi hồ sơ đang xử lý.' });
    expect(codedError(error)).toEqual({ code: 'status.illegal_transition', message: 'Không thể "Trả kết quả" khi hồ sơ đang xử lý.' });
  });
});

describe('codedError', () => {
  it('reads a subclass, a structured clone that lost its class, a plain error and a non-error', () => {
    class DeskError extends MotcuaError {}
    expect(codedError(new DeskError('rating.already', 'Hồ sơ này đã được đánh giá.'))).toMatchObject({ code: 'rating.already' });
    expect(codedError(structuredClone({ code: 'draft.gone', message: 'Bản nháp không còn trên máy.' }))).toEqual({
      code: 'draft.gone',
      message: 'Bản nháp không còn trên máy.',
    });
    expect(codedError(new TypeError('boom'))).toEqual({ message: 'boom' });
    expect(codedError('plain text')).toEqual({ message: 'plain text' });
    expect(codedError(null)).toEqual({ message: 'null' });
  });

  it('ignores a code that is not one (a DOMException’s number, a hostile string)', () => {
    expect(codedError(Object.assign(new Error('quota'), { code: 22 }))).toEqual({ message: 'quota' });
    expect(codedError({ code: 'errors:__proto__', message: 'x' })).toEqual({ message: 'x' });
  });
});

describe('isErrorCode', () => {
  it('takes dotted names of letters, digits and _', () => {
    for (const code of ['write_failed', 'intake.no_commune', 'file.size_mismatch', 'status.illegal_transition', 'a.b.c.d'])
      expect(isErrorCode(code)).toBe(true);
  });

  it('refuses namespaces, empty parts, spaces, markup, non-strings and very long names', () => {
    for (const code of [
      '',
      'ns:key',
      '.lead',
      'trail.',
      'a..b',
      'has space',
      '<b>x</b>',
      'a.b.c.d.e',
      '1starts.digit',
      'x'.repeat(65),
      42,
      null,
      undefined,
      {},
    ]) {
      expect(isErrorCode(code)).toBe(false);
    }
  });
});
