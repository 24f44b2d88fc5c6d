// CPU time of the digitize pipeline's script steps, in Node, on the bench's generated 12 MP photos:
// a figure that holds on a machine shared with other work, where the worker's wall-clock times do
// not. The pipeline's own step timings are read with performance.now swapped for this process's
// CPU clock. The browser's native steps (decode, shrink, warp) are stood in for by script here and
// reported apart. A fingerprint of each page's result shows that a change kept the output.
// npx tsx tests/bench/digitize-stages.ts [--photos N] [--rounds N]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PAGE_DPI } from '../../src/domain/digitize';
import { encodeG4 } from '../../workers/digitize/g4-encode';
import type { RgbaImage } from '../../workers/digitize/image';
import { pixelSource } from '../../workers/digitize/photo-source';
import { finishPage, planPage, thumbnail, type PageOutcome } from '../../workers/digitize/pipeline';
import { writeG4Tiff } from '../../workers/digitize/tiff';
import { warpRgba } from '../../workers/digitize/warp';
import { generatePhoto } from '../support/photo-files';
import { median } from './report';

const WIDTH = 3000;
const HEIGHT = 4000;
const CACHE = '/tmp/motcua-digitize-photos';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PHOTOS = option('--photos', 10);
const ROUNDS = option('--rounds', 3);

/** The bench's photo i (same seeds and options as digitize.bench.ts), cached on disk: generating one takes seconds. */
function photo(i: number): RgbaImage {
  const file = `${CACHE}/photo-${100 + i}.rgba`;
  if (existsSync(file)) return { width: WIDTH, height: HEIGHT, data: new Uint8ClampedArray(readFileSync(file).buffer) };
  const p = generatePhoto({
    width: WIDTH,
    height: HEIGHT,
    seed: 100 + i,
    fill: 0.8 + (i % 3) * 0.05,
    document: { seal: i % 4 === 1, lines: 30 + (i % 5) },
    photo: { blur: 1 + (i % 2), shadow: 0.25 + (i % 3) * 0.12, noise: 2 + (i % 3) },
  });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, p.rgba);
  return { width: WIDTH, height: HEIGHT, data: p.rgba };
}

/** The small copy the browser makes for the corner search (area average to 640 px long side). */
function shrink(src: RgbaImage, width: number, height: number): RgbaImage {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * src.height) / height);
    const y1 = Math.floor(((y + 1) * src.height) / height);
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * src.width) / width);
      const x1 = Math.floor(((x + 1) * src.width) / width);
      const sums = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++)
        for (let sx = x0, p = (sy * src.width + x0) * 4; sx < x1; sx++, p += 4) for (let c = 0; c < 3; c++) sums[c]! += src.data[p + c]!;
      const n = (y1 - y0) * (x1 - x0);
      for (let c = 0; c < 3; c++) out[(y * width + x) * 4 + c] = sums[c]! / n;
      out[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { width, height, data: out };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
performance.now = cpuMs;

const buffers = new Map<string, Uint8Array<ArrayBuffer>>();
const scratch = {
  bytes(use: string, length: number) {
    let b = buffers.get(use);
    if (!b || b.length !== length) buffers.set(use, (b = new Uint8Array(length)));
    return b;
  },
};

const steps: Record<string, number[]> = {};
const record = (name: string, ms: number) => (steps[name] ??= []).push(ms);
const prints: string[] = [];

for (let i = 0; i < PHOTOS; i++) {
  const full = photo(i);
  const small = shrink(full, 480, 640);
  for (let round = 0; round < ROUNDS; round++) {
    const request = { mode: 'auto' as const, dpi: PAGE_DPI, small };
    const plan = planPage(pixelSource(full), request, scratch);
    let t = cpuMs();
    // Stand-in for the native warp (not the browser's cost): the page in colour, as cutPage gives it.
    const page = warpRgba(full, plan.toPhoto, plan.width, plan.height);
    record('(script warp, native in the browser)', cpuMs() - t);
    plan.lapped = cpuMs();
    const outcome: PageOutcome = finishPage(plan, { page }, request, scratch);
    t = cpuMs();
    const thumb = thumbnail(outcome);
    const thumbMs = cpuMs() - t;
    record('encode: thumbnail', thumbMs);
    t = cpuMs();
    const g4 = encodeG4(outcome.layers?.text ?? outcome.bilevel);
    const tiff = writeG4Tiff({ width: outcome.width, height: outcome.height, dpi: outcome.dpi, data: g4 });
    const g4Ms = cpuMs() - t;
    record('encode: G4 + TIFF', g4Ms);
    for (const [name, ms] of Object.entries(outcome.timings)) record(name, ms);
    // The whole of a page's script steps, by kind: a step that only colour pages take is hidden in
    // the per-step medians (three pages in ten).
    const own = Object.entries(outcome.timings).filter(([name]) => !name.startsWith('decode') && name !== 'total');
    record(`(all script steps, ${outcome.mode} pages)`, own.reduce((sum, [, ms]) => sum + ms, 0) + thumbMs + g4Ms);
    if (round === 0) {
      const hash = createHash('sha256');
      hash.update(outcome.bilevel.data);
      // Everything else the page is made of: the colour page, its text layer and colour patches,
      // and the figures the quality checks and the mode were decided on.
      if (outcome.colour) hash.update(outcome.colour.data);
      if (outcome.layers) hash.update(outcome.layers.text.data);
      for (const patch of outcome.layers?.colour ?? []) hash.update(patch.image.data);
      hash.update(thumb.data);
      hash.update(JSON.stringify([outcome.metrics, outcome.ink, outcome.orientationConfidence]));
      const corners = outcome.corners.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(' ');
      prints.push(
        `photo ${i}: ${outcome.mode} turns ${outcome.turns} conf ${outcome.confidence.toFixed(3)} issues [${outcome.issues}] tiff ${tiff.length} B ` +
          `layers ${outcome.layers?.colour.length ?? 0} ${hash.digest('hex').slice(0, 16)} corners ${corners}`,
      );
    }
  }
}
console.log(prints.join('\n'));
let total = 0;
for (const [name, values] of Object.entries(steps)) {
  const m = median(values);
  if (!name.startsWith('(')) total += m;
  console.log(`${name.padEnd(40)} ${m.toFixed(1).padStart(7)} ms CPU (median of ${values.length})`);
}
console.log(`${'script steps, sum of medians'.padEnd(40)} ${total.toFixed(1).padStart(7)} ms CPU`);
