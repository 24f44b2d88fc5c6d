// Words for an error, chosen where it is shown: the text of its code in the interface's language
// (src/i18n/errors.*.ts) with its params, else its own Vietnamese message. A gateway's refusal
// keeps its own Vietnamese reason in Vietnamese: it names the field or file at fault.
import type { i18n as I18n, ParseKeys } from 'i18next';
import { codedError, isErrorCode, type CodedError } from '../../domain/errors';

/** The text of `errors.<code>` in the current language, when that language has one (no fallback to another language). */
function codeText(i18n: I18n, code: string | undefined, params: CodedError['params']): string | undefined {
  if (!isErrorCode(code)) return undefined;
  const key = `errors.${code}`;
  // A code may name a group (`errors.file`) rather than a text: only a string is a translation.
  const text: unknown = i18n.getResource(i18n.language, 'translation', key);
  if (typeof text !== 'string') return undefined;
  // A value the text names but the error does not carry would show as "{{name}}": its own message says it better.
  const named = [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!);
  if (named.some((name) => params?.[name] === undefined)) return undefined;
  // A key made from a code at run time, so the type check cannot know it: it was looked up just above.
  return i18n.t(key as ParseKeys, { ...params });
}

/** Any thrown value in words for the officer: by its code when the language has a text for it, else its message. */
export function errorText(error: unknown, i18n: I18n): string {
  const coded = codedError(error);
  return codeText(i18n, coded.code, coded.params) ?? coded.message;
}

/** A refusal the gateway sent back (quarantine): its reason as written in Vietnamese, its code's text in another language. */
export function refusalText(refusal: { reason: string; code?: string }, i18n: I18n): string {
  if (i18n.language === 'vi') return refusal.reason;
  return codeText(i18n, refusal.code, undefined) ?? refusal.reason;
}
