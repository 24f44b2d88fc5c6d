// The whole page pipeline on generated photos: a text page becomes a small 1-bit A4 page at
// 200 dpi with its corners found, a sealed page is offered colour, and dark, blurred, blank and
// low-resolution photos are named.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../tests/support/synthetic-document';
import { photograph, plausibleCorners, type PhotoOptions } from '../../tests/support/synthetic-photo';
import { encodeG4 } from './g4-encode';
import { finishPage, planPage, processPhoto, thumbnail } from './pipeline';
import { pixelSource } from './photo-source';
import { rgbaToGrey } from './grey';

const text = renderDocument({ dpi: 250, seed: 4 });
const sealed = renderDocument({ dpi: 120, seed: 5, seal: true });
const blank = renderDocument({ dpi: 120, seed: 6, blank: true });

function shoot(page: ReturnType<typeof renderDocument>, width: number, height: number, options: Partial<PhotoOptions> = {}) {
  const corners = plausibleCorners(width, height, 3, 0.9);
  return { corners, photo: photograph(page, { width, height, corners, seed: 8, shadow: 0.35, blur: 1, noise: 3, ...options }) };
}

describe('processPhoto', () => {
  it('turns a photo of a text page into a clean 1-bit A4 page at 200 dpi', () => {
    const { photo, corners } = shoot(text, 2000, 2800);
    const page = processPhoto(photo);
    expect([page.width, page.height, page.dpi, page.mode, page.suggestedMode]).toEqual([1654, 2339, 200, 'text', 'text']);
    expect(page.issues).toEqual([]);
    const diagonal = Math.hypot(2000, 2800);
    page.corners.forEach((p, i) => expect(Math.hypot(p.x - corners[i]!.x, p.y - corners[i]!.y) / diagonal).toBeLessThan(0.01));
    // Ink in the body, none in the top margin (the desk must not show as a black band).
    const rowInk = (y: number) => page.bilevel.data.subarray(y * 1654, (y + 1) * 1654).reduce((a, b) => a + b, 0);
    expect(rowInk(40)).toBeLessThan(5);
    expect(page.metrics.inkShare).toBeGreaterThan(0.03);
    expect(encodeG4(page.bilevel).length).toBeLessThan(70 * 1024);
    const thumb = thumbnail(page);
    expect([thumb.width, thumb.height]).toEqual([330, 467]);
  });

  it('offers colour for a page with a red seal, and keeps the seal red', () => {
    const { photo } = shoot(sealed, 1000, 1400);
    const page = processPhoto(photo, { dpi: 100 });
    expect(page.suggestedMode).toBe('colour');
    expect(page.mode).toBe('colour');
    expect(page.colour).toBeDefined();
    // The officer may still choose text.
    expect(processPhoto(photo, { dpi: 100, mode: 'text' })).toMatchObject({ mode: 'text', suggestedMode: 'colour', colour: undefined });
  });

  it.each([
    ['dark', sealed, { exposure: 0.22 }],
    ['blank', blank, {}],
    ['blurry', text, { blur: 9 }],
  ] as const)('names a %s photo', (issue, source, options) => {
    const { photo } = shoot(source, 2000, 2800, options);
    const page = processPhoto(photo, { dpi: issue === 'blurry' ? 200 : 100 });
    expect(page.issues).toContain(issue);
  });

  it('names a photo that gives the page under 200 dpi', () => {
    const { photo } = shoot(sealed, 900, 1260);
    const page = processPhoto(photo, { dpi: 100 });
    expect(page.metrics.sourceDpi).toBeLessThan(200);
    expect(page.issues).toContain('lowResolution');
  });

  it('uses the corners the officer gave', () => {
    const { photo, corners } = shoot(sealed, 1000, 1400);
    const moved = corners.map((p) => ({ x: p.x + 5, y: p.y + 5 })) as typeof corners;
    const page = processPhoto(photo, { dpi: 100, corners: moved });
    expect(page.corners).toEqual(moved);
    expect(page.pageFound).toBe(true);
    expect(page.timings.corners).toBeLessThan(page.timings.warp! + 1000);
  });

  it('gives the same pages with buffers lent from page to page (as the worker lends them)', () => {
    const kept = new Map<string, Uint8Array<ArrayBuffer>>();
    const scratch = { bytes: (use: string, length: number) => kept.get(use) ?? kept.set(use, new Uint8Array(length)).get(use)! };
    // A dark, inky page first, so whatever it leaves in the buffers would show on the pages after.
    const shots = [shoot(sealed, 1000, 1400, { exposure: 0.6 }), shoot(text, 1000, 1400), shoot(blank, 1000, 1400)];
    for (const { photo } of shots) {
      const request = { dpi: 100, mode: 'text' as const };
      const plan = planPage(photo, request);
      const rgba = pixelSource(photo).warpRgba(plan.toPhoto, plan.width, plan.height);
      const lent = finishPage(plan, { grey: rgbaToGrey(rgba, scratch.bytes('grey', plan.width * plan.height)) }, request, scratch);
      const fresh = finishPage(planPage(photo, request), { grey: rgbaToGrey(rgba) }, request);
      expect(lent.bilevel.data.buffer).toBe(kept.get('bilevel')!.buffer);
      expect(Buffer.from(lent.bilevel.data).equals(Buffer.from(fresh.bilevel.data))).toBe(true);
      expect(lent.metrics).toEqual(fresh.metrics);
    }
  });
});
