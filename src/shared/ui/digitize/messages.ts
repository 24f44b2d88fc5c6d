// Turns the worker's problem and issue codes into the officer's messages (keys under digitize.*).
import type { ParseKeys } from 'i18next';
import type { QualityIssue } from '../../../domain/digitize';
import type { DigitizedPage, Refusal } from './digitizer';

export interface Message {
  /** An i18n key (typed: a key with no message fails the type check). */
  key: ParseKeys;
  params: Record<string, string | number>;
}

export function problemMessage(refusal: Refusal, fileName: string, fileSize: string): Message {
  return { key: `digitize.problem.${refusal.problem}`, params: { name: fileName, size: fileSize, detail: refusal.detail ?? '' } };
}

export function issueMessages(page: Pick<DigitizedPage, 'issues' | 'metrics'>): Message[] {
  return page.issues.map((issue: QualityIssue) => ({ key: `digitize.issue.${issue}`, params: { dpi: page.metrics.sourceDpi } }));
}
