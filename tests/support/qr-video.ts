// A fake camera for end-to-end tests: a short Y4M video of a desk, then a citizen ID card held up
// to the camera, which Chromium plays in a loop as its webcam (--use-file-for-fake-video-capture).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { qrMatrix, renderCardFrame, scene, type GreyImage } from './qr-card-image';

export interface CameraVideoOptions {
  width?: number;
  height?: number;
  /** Frames per second of the video; Chromium loops it at this rate. */
  fps?: number;
  /** Frames of the empty desk before the card comes into view. */
  emptyFrames?: number;
  cardFrames?: number;
}

/** The frames: an empty desk, then the card, slightly moving as in a hand. */
export function cameraVideoFrames(text: string, options: CameraVideoOptions = {}): GreyImage[] {
  const { width = 1280, height = 720, emptyFrames = 2, cardFrames = 6 } = options;
  const matrix = qrMatrix(text);
  const frames: GreyImage[] = [];
  for (let i = 0; i < emptyFrames; i++) frames.push(renderCardFrame(text, scene({ width, height, showCard: false, seed: i + 1 }), matrix));
  for (let i = 0; i < cardFrames; i++) {
    const s = scene({
      width,
      height,
      seed: 100 + i,
      modulePx: (5 * width) / 1280,
      qrCenter: [width * (0.5 + 0.01 * i), height * (0.48 + 0.008 * i)],
      rotationDeg: -4 + 1.5 * i,
      tiltXDeg: 6,
      tiltYDeg: -5,
      noiseSigma: 2.5,
    });
    frames.push(renderCardFrame(text, s, matrix));
  }
  return frames;
}

/**
 * YUV4MPEG2 (4:2:0, full-range "jpeg" chroma siting), the raw format Chromium's file capture
 * reads. The pictures are grey, so both chroma planes are the neutral 128.
 */
export function encodeY4m(frames: GreyImage[], fps: number): Buffer {
  const first = frames[0];
  if (!first) throw new Error('a video needs at least one frame');
  const { width, height } = first;
  if (width % 2 || height % 2) throw new Error('4:2:0 video needs even dimensions');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'latin1')];
  for (const frame of frames) {
    if (frame.width !== width || frame.height !== height) throw new Error('all frames must have the same size');
    parts.push(Buffer.from('FRAME\n', 'latin1'), Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength), chroma);
  }
  return Buffer.concat(parts);
}

/** Writes the video of a card holding `text` to a fresh temporary folder; returns its path. */
export function writeCameraVideo(text: string, options: CameraVideoOptions = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-camera-'));
  const file = path.join(dir, 'card.y4m');
  writeFileSync(file, encodeY4m(cameraVideoFrames(text, options), options.fps ?? 4));
  return file;
}

/**
 * A Chromium whose only camera films the card (permission prompts answered yes). The video file
 * is removed when the browser closes. Contexts still need `grantCamera` for the app's origin.
 */
export async function launchBrowserWithFakeCamera(text: string, options: CameraVideoOptions = {}): Promise<Browser> {
  const file = writeCameraVideo(text, options);
  const browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`]);
  browser.on('disconnected', () => rmSync(path.dirname(file), { recursive: true, force: true }));
  return browser;
}

/** Lets pages of `origin` use the camera without asking, as an officer who allowed it once. */
export async function grantCamera(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['camera'], { origin });
}
