// ID-card QR decoding: zxing-wasm with the worker's exact options against jsQR, on the same 50
// generated 1280×720 camera frames of a card (clean, rotated, tilted, blurred, noisy, dim, glare),
// plus the cost of the frames with no card, which is what a camera scan mostly decodes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import jsQR from 'jsqr';
import { readBarcodes } from 'zxing-wasm/reader';
import { sampleCccdText } from '../support/cccd-fixtures';
import { distortedFrameSet, greyToRgba, qrMatrix, renderCardFrame, scene, type Distortion } from '../support/qr-card-image';
import { decodeQrInNode, loadZxingInNode } from '../support/zxing-node';
import { median, percentile, type Figure, type Section } from './report';

const REPEATS = 3;
type Pixels = { data: Uint8ClampedArray; width: number; height: number };

type Decode = (p: Pixels) => Promise<string | undefined> | string | undefined;
interface Measured {
  times: number[];
  ok: boolean[];
  successes: number;
}

/**
 * Runs every decoder on every frame, taking turns frame by frame so that load from other work on
 * the machine falls on all of them alike. Per-frame time is the median of REPEATS runs; success
 * means the exact card text came out.
 */
async function measure(frames: Pixels[], decoders: Decode[]): Promise<Measured[]> {
  const out = decoders.map((): Measured => ({ times: [], ok: [], successes: 0 }));
  for (const frame of frames) {
    const runs = decoders.map((): number[] => []);
    const texts: (string | undefined)[] = [];
    for (let r = 0; r < REPEATS; r++) {
      for (const [d, decode] of decoders.entries()) {
        const started = performance.now();
        texts[d] = await decode(frame);
        runs[d]!.push(performance.now() - started);
      }
    }
    out.forEach((m, d) => {
      m.times.push(median(runs[d]!));
      m.ok.push(texts[d] === sampleCccdText);
      if (texts[d] === sampleCccdText) m.successes++;
    });
  }
  return out;
}

const zxing = async (p: Pixels) => {
  const result = await decodeQrInNode(p);
  return result.status === 'found' ? (result.texts.find((t) => t === sampleCccdText) ?? result.text) : undefined;
};
const zxingDefaults = async (p: Pixels) => (await readBarcodes(p as ImageData, { formats: ['QRCode'] })).find((r) => r.isValid)?.text;
// jsQR's counterpart of tryInvert:false; its default ('attemptBoth') would double its time.
const jsqr = (p: Pixels) => jsQR(p.data, p.width, p.height, { inversionAttempts: 'dontInvert' })?.data;

/** What the officer's device downloads for the decoder on first use, from the build. */
function decoderDownload(): { bytes: number; files: string } | undefined {
  const dir = 'dist/assets';
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((f) => /^qr\.worker.*\.js$|^zxing_reader.*\.wasm$/.test(f));
  if (files.length < 2) return undefined;
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dir, f))).length, 0);
  return { bytes, files: files.join(', ') };
}

export async function benchQr(): Promise<Section> {
  const coldLoad = await loadZxingInNode();
  const matrix = qrMatrix(sampleCccdText);
  const set = distortedFrameSet();
  const frames = set.map((f) => greyToRgba(renderCardFrame(sampleCccdText, f.scene, matrix)));
  const empty = [1, 2, 3, 4, 5].map((seed) => greyToRgba(renderCardFrame(sampleCccdText, scene({ showCard: false, seed }), matrix)));

  const [z, zd, j] = (await measure(frames, [zxing, zxingDefaults, jsqr])) as [Measured, Measured, Measured];
  const [zEmpty, zdEmpty, jEmpty] = (await measure(empty, [zxing, zxingDefaults, jsqr])) as [Measured, Measured, Measured];

  const byKind = (ok: boolean[], kind: Distortion) => set.filter((f, i) => f.distortion === kind && ok[i]).length;
  const kinds: Distortion[] = ['clean', 'rotation', 'perspective', 'blur', 'noise', 'low-contrast', 'glare'];
  const missed = (ok: boolean[], kind: Distortion) =>
    set
      .filter((f, i) => f.distortion === kind && !ok[i])
      .map((f) => f.level || '·')
      .join(',') || '-';
  const download = decoderDownload();
  const figures: Figure[] = [
    {
      name: `zxing-wasm: frames decoded to the exact text (of ${set.length})`,
      value: z.successes,
      unit: 'frames',
      baseline: j.successes,
      note: 'baseline: jsQR 1.4',
    },
    { name: 'zxing-wasm: decode time per 1280×720 frame, median', value: median(z.times), unit: 'ms', baseline: median(j.times) },
    { name: 'zxing-wasm: decode time per 1280×720 frame, p95', value: percentile(z.times, 95), unit: 'ms', baseline: percentile(j.times, 95) },
    { name: 'frame without a card (most camera frames), median', value: median(zEmpty.times), unit: 'ms', baseline: median(jEmpty.times) },
    ...kinds.map((kind) => ({
      name: `  decoded: ${kind} (of ${set.filter((f) => f.distortion === kind).length})`,
      value: byKind(z.ok, kind),
      unit: 'frames',
      baseline: byKind(j.ok, kind),
      note: kind === 'clean' ? '' : `levels missed (1 mild…8 severe): zxing ${missed(z.ok, kind)}; jsQR ${missed(j.ok, kind)}`,
    })),
    {
      name: 'zxing-wasm, library default options: frames decoded',
      value: zd.successes,
      unit: 'frames',
      baseline: z.successes,
      note: 'baseline: worker options',
    },
    {
      name: 'zxing-wasm, library default options: frame without a card',
      value: median(zdEmpty.times),
      unit: 'ms',
      baseline: median(zEmpty.times),
      note: 'tryRotate + tryInvert on',
    },
    { name: 'zxing-wasm: first decode setup (compile the wasm, Node)', value: coldLoad, unit: 'ms' },
  ];
  if (download) figures.push({ name: 'decoder download on first use (worker + wasm, gzip)', value: download.bytes / 1024, unit: 'KB', note: download.files });
  return { section: 'ID-card QR decoding (1280×720 frames, Node)', figures };
}
