// What PageCapture needs from the digitization worker. The app passes workers/digitize.client's
// `digitizer`; this floor may not import worker clients, so the contract is restated here and
// TypeScript checks that the two shapes match where a feature wires them together.
import type { InputKind, InputProblem, PageMode, QualityIssue, Quad } from '../../../domain/digitize';

export interface PageFile {
  blob: Blob;
  type: string;
  sha256: string;
  size: number;
}

export interface DigitizedPage {
  ok: true;
  file: PageFile;
  thumbnail: Blob;
  width: number;
  height: number;
  dpi: number;
  mode: PageMode;
  suggestedMode: PageMode;
  corners: Quad;
  pageFound: boolean;
  /** Quarter turns clockwise from the photo to the upright page. */
  turns: 0 | 1 | 2 | 3;
  /** How sure the worker is of which way is up, 0–1. */
  orientationConfidence: number;
  photoWidth: number;
  photoHeight: number;
  issues: QualityIssue[];
  metrics: { sourceDpi: number };
  timings: Record<string, number>;
}

export type Refusal = { ok: false; problem: InputProblem; detail?: string };

export interface Digitizer {
  inspect(file: Blob): Promise<{ ok: true; kind: InputKind } | Refusal>;
  digitize(file: Blob, request?: { corners?: Quad; mode?: PageMode | 'auto'; turns?: 0 | 1 | 2 | 3 }): Promise<DigitizedPage | Refusal>;
  assemblePdf(
    sources: { blob: Blob; type: string }[],
    title: string,
    createdAt: string,
  ): Promise<{ ok: true; file: PageFile; pages: number } | { ok: false; problem: 'corrupt' | 'empty'; detail?: string }>;
  keepAsIs(file: Blob): Promise<{ ok: true; file: PageFile } | Refusal | { ok: true; kind: InputKind }>;
}
