// The synthetic card frames, photos and fake-camera video that the QR bench and end-to-end tests
// rely on: a clean frame must decode to the exact text, or those results would mean nothing.
import { describe, expect, it } from 'vitest';
import { sampleCccdText, sampleCccdTextWithOldId } from '../support/cccd-fixtures';
import { encodePng } from '../support/png';
import { distortedFrameSet, greyToRgba, qrMatrix, renderCardFrame, scene } from '../support/qr-card-image';
import { cameraVideoFrames, encodeY4m } from '../support/qr-video';
import { decodeQrInNode } from '../support/zxing-node';

describe('card frames', () => {
  it('renders a clean 1280×720 frame that zxing decodes to the exact text', async () => {
    for (const text of [sampleCccdText, sampleCccdTextWithOldId]) {
      const frame = renderCardFrame(text, scene({ seed: 3, rotationDeg: 12, tiltXDeg: 8 }));
      expect([frame.width, frame.height, frame.data.length]).toEqual([1280, 720, 1280 * 720]);
      expect(await decodeQrInNode(greyToRgba(frame))).toEqual({ status: 'found', text, texts: [text] });
    }
  });

  it('draws an empty desk with no QR code when the card is out of view', async () => {
    const frame = renderCardFrame(sampleCccdText, scene({ width: 640, height: 360, showCard: false }));
    expect(await decodeQrInNode(greyToRgba(frame))).toEqual({ status: 'none' });
  });

  it('is deterministic: the same scene gives the same bytes, another seed other noise', () => {
    const s = scene({ width: 320, height: 240, modulePx: 2, noiseSigma: 10, seed: 5 });
    const a = renderCardFrame(sampleCccdText, s).data;
    expect(renderCardFrame(sampleCccdText, s).data).toEqual(a);
    expect(renderCardFrame(sampleCccdText, { ...s, seed: 6 }).data).not.toEqual(a);
  });

  it('encodes the whole text in one byte-mode QR symbol of a plausible card size', () => {
    const { size, dark } = qrMatrix(sampleCccdText);
    expect(size).toBe(49); // version 8
    expect(dark.length).toBe(size * size);
  });

  it('builds the bench set: 2 clean frames and 8 levels of each of the 6 distortions', () => {
    const set = distortedFrameSet();
    expect(set).toHaveLength(50);
    expect(set.filter((f) => f.distortion === 'clean')).toHaveLength(2);
    expect(new Set(set.map((f) => f.name)).size).toBe(50);
    expect(set.find((f) => f.name === 'blur 8')?.scene.blurSigma).toBeCloseTo(4.1);
  });
});

describe('card photos (PNG)', () => {
  it('writes a PNG that an image decoder reads back to the same QR text', async () => {
    const frame = renderCardFrame(sampleCccdText, scene({ width: 800, height: 600, modulePx: 4, seed: 9 }));
    const png = encodePng(frame.width, frame.height, frame.data, 1);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // zxing-wasm decodes an encoded image itself (stb_image), independently of our renderer.
    expect(await decodeQrInNode(new Uint8Array(png))).toMatchObject({ status: 'found', text: sampleCccdText });
  });
});

describe('fake camera video (Y4M)', () => {
  it('holds a header, then each frame as a Y plane and two neutral chroma planes', () => {
    const frames = cameraVideoFrames(sampleCccdText, { width: 320, height: 240, emptyFrames: 1, cardFrames: 2 });
    const video = encodeY4m(frames, 4);
    const header = 'YUV4MPEG2 W320 H240 F4:1 Ip A1:1 C420jpeg\n';
    expect(video.subarray(0, header.length).toString('latin1')).toBe(header);
    const frameBytes = 'FRAME\n'.length + 320 * 240 * 1.5;
    expect(video.length).toBe(header.length + 3 * frameBytes);
    const second = header.length + frameBytes;
    expect(video.subarray(second, second + 6).toString('latin1')).toBe('FRAME\n');
    expect(video.subarray(second + 6, second + 6 + 320 * 240).equals(Buffer.from(frames[1]!.data))).toBe(true);
    expect(video.subarray(second + 6 + 320 * 240, second + frameBytes).every((b) => b === 128)).toBe(true);
  });

  it('shows the desk first, then a card whose QR decodes', async () => {
    const frames = cameraVideoFrames(sampleCccdText, { emptyFrames: 1, cardFrames: 1 });
    expect(await decodeQrInNode(greyToRgba(frames[0]!))).toEqual({ status: 'none' });
    expect(await decodeQrInNode(greyToRgba(frames[1]!))).toMatchObject({ status: 'found', text: sampleCccdText });
  });

  it('refuses frames that 4:2:0 chroma cannot represent', () => {
    expect(() => encodeY4m([{ width: 3, height: 2, data: new Uint8ClampedArray(6) }], 4)).toThrow(/even/);
    expect(() => encodeY4m([], 4)).toThrow(/at least one frame/);
  });
});
