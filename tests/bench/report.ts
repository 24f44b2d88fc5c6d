// Benchmark figures: collected per section, printed as a table, optionally written as JSON.
import { writeFileSync } from 'node:fs';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same measure for the baseline run in the same process, when there is one. */
  baseline?: number;
  note?: string;
}

export interface Section {
  section: string;
  figures: Figure[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1));

export function printSection({ section, figures }: Section): void {
  console.log(`\n## ${section}`);
  for (const f of figures) {
    const base = f.baseline === undefined ? '' : `   (baseline ${fmt(f.baseline)} ${f.unit}, ratio ${fmt(f.value / f.baseline)})`;
    console.log(`  ${f.name.padEnd(52)} ${fmt(f.value).padStart(10)} ${f.unit}${base}${f.note ? `   ${f.note}` : ''}`);
  }
}

export function writeJson(file: string, sections: Section[]): void {
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, sections }, null, 2));
}
