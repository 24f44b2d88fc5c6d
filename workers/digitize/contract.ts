// The shapes the digitize worker answers with (plain data and Blobs, cloneable by postMessage).
import type { InputKind, InputProblem, PageMode, QualityIssue, Quad } from '../../src/domain/digitize';
import type { QualityMetrics } from './quality';

export type InspectResult = { ok: true; kind: InputKind; width?: number; height?: number } | { ok: false; problem: InputProblem; detail?: string };

export interface PageFile {
  blob: Blob;
  /** PAGE_TYPES.text (a 1-bit G4 TIFF) or PAGE_TYPES.colour (the same with a JPEG colour layer). */
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
  /** The finder's confidence in the corners, 0–1 (under 0.5 the page carries 'uncertainPage'). */
  confidence: number;
  /** Quarter turns (clockwise) the page was turned by so that its text reads upright. */
  turns: 0 | 1 | 2 | 3;
  /** How sure the reading of which way is up is, 0–1 (under 0.5 the page carries 'uncertainOrientation'). */
  orientationConfidence: number;
  photoWidth: number;
  photoHeight: number;
  issues: QualityIssue[];
  metrics: QualityMetrics;
  /** Milliseconds per step inside the worker, `total` included. */
  timings: Record<string, number>;
}

export type DigitizeResult = DigitizedPage | { ok: false; problem: InputProblem; detail?: string };

/** A stored page or kept PDF, as the component PDF is assembled from them. */
export interface PdfSource {
  blob: Blob;
  type: string;
}

export type AssembleResult = { ok: true; file: PageFile; pages: number } | { ok: false; problem: 'corrupt' | 'empty'; detail?: string };
