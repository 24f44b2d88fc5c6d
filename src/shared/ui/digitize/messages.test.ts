import { describe, expect, it } from 'vitest';
import { vi } from '../../../i18n/vi';
import { issueMessages, problemMessage } from './messages';

/** Looks a dotted key up in the Vietnamese messages, so every key the component uses must exist. */
function lookup(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], vi);
}

describe('digitize messages', () => {
  it('names every input problem with an existing message', () => {
    for (const problem of ['empty', 'unknownType', 'unsupportedType', 'tooLarge', 'tooManyPixels', 'tooSmall', 'corrupt'] as const) {
      const m = problemMessage({ ok: false, problem, detail: 'WEBP' }, 'a.jpg', '3 MB');
      expect(typeof lookup(m.key), m.key).toBe('string');
      expect(m.params).toMatchObject({ name: 'a.jpg', size: '3 MB', detail: 'WEBP' });
    }
  });

  it('names every quality issue, with the dpi the photo gave', () => {
    const messages = issueMessages({ issues: ['noPage', 'lowResolution', 'dark', 'blank', 'blurry', 'uncertainPage', 'pageCut'], metrics: { sourceDpi: 150 } });
    expect(messages.map((m) => typeof lookup(m.key))).toEqual(['string', 'string', 'string', 'string', 'string', 'string', 'string']);
    expect(messages[1]).toEqual({ key: 'digitize.issue.lowResolution', params: { dpi: 150 } });
  });
});
