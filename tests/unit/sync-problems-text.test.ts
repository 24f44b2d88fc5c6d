// Why sync waits, in the officer's language: every problem the pump and the pull report has a
// code with an English text, and the Vietnamese it carries is the reference text of that code.
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { MotcuaError } from '../../src/domain/errors';
import { vi } from '../../src/i18n/vi';
import { en } from '../../src/i18n/en';
import { errorsVi } from '../../src/i18n/errors.vi';
import { errorText } from '../../src/shared/lib/error-text';
import { syncProblems } from '../../src/sync/sync-problems';

const offline = new TypeError('Failed to fetch');
/** Each builder with sample arguments; the gateway's own words and a local fault are not templated. */
const samples: Record<Exclude<keyof typeof syncProblems, 'uploadDamaged' | 'local'>, MotcuaError> = {
  sendOffline: syncProblems.sendOffline(offline),
  serverStatus: syncProblems.serverStatus(503),
  noAnswer: syncProblems.noAnswer(),
  signedOut: syncProblems.signedOut(),
  notEnrolled: syncProblems.notEnrolled(),
  checkOffline: syncProblems.checkOffline(offline),
  checkStatus: syncProblems.checkStatus(502),
  uploadOffline: syncProblems.uploadOffline(offline),
  uploadStatus: syncProblems.uploadStatus(423),
  pullSignedOut: syncProblems.pullSignedOut(),
  pullMalformed: syncProblems.pullMalformed('changes.0.id'),
  pullRefused: syncProblems.pullRefused(403),
  pullWriteFailed: syncProblems.pullWriteFailed('QuotaExceededError'),
};

function textAt(dictionary: object, code: string): unknown {
  return code.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], dictionary);
}

const filled = (template: string, params: Record<string, string | number> = {}) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));

async function english() {
  const i18n = createInstance();
  await i18n.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'en', fallbackLng: 'vi', interpolation: { escapeValue: false } });
  return i18n;
}

describe('sync problems', () => {
  it.each(Object.entries(samples))('%s carries the Vietnamese text of its code and reads in English', async (_, problem) => {
    const template = textAt(errorsVi, problem.code);
    expect(typeof template).toBe('string');
    expect(problem.message).toBe(filled(template as string, problem.params));
    const said = errorText(problem, await english());
    expect(said).toBe(filled(textAt(en.errors, problem.code) as string, problem.params));
    expect(said).not.toBe(problem.message);
  });

  it('keeps the gateway’s words for a damaged file in Vietnamese, and says it in English', async () => {
    const damaged = syncProblems.uploadDamaged('Tệp nhận được không khớp mã SHA-256 đã khai báo.');
    expect(damaged.message).toBe('Tệp nhận được không khớp mã SHA-256 đã khai báo.');
    expect(errorText(damaged, await english())).toBe('A file was damaged on the way; it will be sent again.');
  });

  it('passes a coded local fault through and names any other by its words', async () => {
    const quota = syncProblems.local(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    expect(quota).toMatchObject({ code: 'generic', params: { reason: 'quota' } });
    expect(errorText(quota, await english())).toBe('Something went wrong: quota');
    const coded = syncProblems.pullRefused(403);
    expect(syncProblems.local(coded)).toBe(coded);
  });
});
