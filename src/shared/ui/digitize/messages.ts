// Turns the worker's problem and issue codes into the officer's messages (keys under digitize.*).
import type { InputProblem, QualityIssue } from '../../../domain/digitize';
import type { DigitizedPage, Refusal } from './digitizer';

export interface Message {
  key: string;
  params: Record<string, string | number>;
}

export function problemMessage(refusal: Refusal, fileName: string, fileSize: string): Message {
  const key: Record<InputProblem, string> = {
    empty: 'digitize.problem.empty',
    unknownType: 'digitize.problem.unknownType',
    unsupportedType: 'digitize.problem.unsupportedType',
    tooLarge: 'digitize.problem.tooLarge',
    tooManyPixels: 'digitize.problem.tooManyPixels',
    tooSmall: 'digitize.problem.tooSmall',
    corrupt: 'digitize.problem.corrupt',
    locked: 'digitize.problem.locked',
  };
  return { key: key[refusal.problem], params: { name: fileName, size: fileSize, detail: refusal.detail ?? '' } };
}

export function issueMessages(page: Pick<DigitizedPage, 'issues' | 'metrics'>): Message[] {
  return page.issues.map((issue: QualityIssue) => ({ key: `digitize.issue.${issue}`, params: { dpi: page.metrics.sourceDpi } }));
}
