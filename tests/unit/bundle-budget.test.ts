// The first screen must stay light enough for a budget tablet on a 2G/3G link.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstScreenBytes } from '../support/first-screen';

const KB = 1024;

describe('bundle budget', () => {
  it('keeps the first screen under 150 KB of gzip JavaScript', () => {
    expect(existsSync('dist/.vite/manifest.json'), 'build first: npm run build (npm test does)').toBe(true);
    const { jsGzip, files } = firstScreenBytes();
    const detail = files.map((f) => `${f.file} ${(f.gzip / KB).toFixed(1)} KB`).join(', ');
    expect(jsGzip, detail).toBeLessThanOrEqual(150 * KB);
    // The home page's own chunk is part of what is counted.
    expect(files.some((f) => f.file.includes('catalogue'))).toBe(true);
  });
});
