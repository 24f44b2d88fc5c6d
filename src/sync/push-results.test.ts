// The gateway's per-entry answers as the pump applies them: a refusal keeps its code when it is
// one, an older gateway's answer without a code still reads, and what does not parse is left out.
import { describe, expect, it } from 'vitest';
import { parsePushResults } from './push-results';

describe('parsePushResults', () => {
  it('reads accepted and refused answers, with the refusal’s code', () => {
    const body = {
      results: [
        { mutation: 1, status: 'accepted', serverVersion: 7, officialCode: '000.00.12.H38-260302-0001' },
        { mutation: 2, status: 'rejected', reason: 'Không tìm thấy hồ sơ trên máy chủ.', code: 'dossier.not_on_server' },
      ],
    };
    expect(parsePushResults(body)).toEqual([
      { mutation: 1, status: 'accepted', serverVersion: 7, officialCode: '000.00.12.H38-260302-0001' },
      { mutation: 2, status: 'rejected', reason: 'Không tìm thấy hồ sơ trên máy chủ.', code: 'dossier.not_on_server' },
    ]);
  });

  it('reads an older gateway’s refusal without a code, and ignores a newer one’s extra fields', () => {
    expect(parsePushResults({ results: [{ mutation: 3, status: 'rejected', reason: 'Lý do', retryAfter: 5 }] })).toEqual([
      { mutation: 3, status: 'rejected', reason: 'Lý do' },
    ]);
  });

  it('drops a code that is not one but keeps the refusal and its reason', () => {
    for (const code of ['errors:quota', 'x'.repeat(200), 17, { nested: true }, '']) {
      expect(parsePushResults({ results: [{ mutation: 4, status: 'rejected', reason: 'Lý do', code }] })).toEqual([
        { mutation: 4, status: 'rejected', reason: 'Lý do' },
      ]);
    }
  });

  it('leaves out answers that do not parse, so their entries are sent again', () => {
    const body = {
      results: [
        { mutation: 0, status: 'accepted' },
        { mutation: 1.5, status: 'accepted' },
        { mutation: 5, status: 'maybe' },
        { mutation: 6, status: 'rejected' },
        null,
        'accepted',
        { mutation: 7, status: 'accepted' },
      ],
    };
    expect(parsePushResults(body)).toEqual([{ mutation: 7, status: 'accepted' }]);
    for (const bad of [null, 'text', [], { results: 'no' }, {}]) expect(parsePushResults(bad)).toEqual([]);
  });
});
