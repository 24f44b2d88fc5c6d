import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Quad } from '../../../domain/digitize';
import { initialSteady, LOST_AFTER_MS, markShot, observe, REST_MS, STEADY_MS, type Sighting, type SteadyState } from './steady-outline';

// A 480×360 preview: diagonal 600 px, so 2 % is 12 px and 6 % is 36 px.
const W = 480;
const H = 360;
const page: Quad = [
  { x: 140, y: 30 },
  { x: 340, y: 35 },
  { x: 345, y: 330 },
  { x: 135, y: 325 },
];
const moved = (q: Quad, dx: number, dy = 0): Quad => q.map((p) => ({ x: p.x + dx, y: p.y + dy })) as Quad;
const seen = (at: number, corners: Quad = page): Sighting => ({ at, found: true, corners, width: W, height: H });
const missed = (at: number): Sighting => ({ at, found: false, width: W, height: H });

/** Feeds sightings in order; returns the final state and the times at which a shot was due. */
function run(sightings: Sighting[], auto = true, from: SteadyState = initialSteady) {
  let state = from;
  const shots: number[] = [];
  for (const s of sightings) {
    const next = observe(state, s, auto);
    state = next.state;
    if (next.shoot) shots.push(s.at);
  }
  return { state, shots };
}

/** Frames every `step` ms from `from` to `to` inclusive, each made by `make`. */
function frames(from: number, to: number, make: (at: number) => Sighting, step = 100): Sighting[] {
  const out: Sighting[] = [];
  for (let at = from; at <= to; at += step) out.push(make(at));
  return out;
}

describe('steady outline and the automatic shot', () => {
  it('shows no page until one is found, then the progress towards the shot', () => {
    expect(run([missed(0)]).state.view).toEqual({ kind: 'searching' });
    const { state, shots } = run([seen(0), seen(100), seen(500)]);
    expect(state.view).toEqual({ kind: 'holding', progress: 0.5 });
    expect(state.outline).toEqual(page);
    expect(shots).toEqual([]);
  });

  it('shoots once the page has held still for a second, with hand shake under 2 % of the diagonal', () => {
    const shake = (at: number) => seen(at, moved(page, ((at / 100) % 3) * 4 - 4, ((at / 100) % 2) * 5)); // ±4 px, 5 px: under 12 px
    const { state, shots } = run(frames(0, 1500, shake));
    expect(shots).toEqual([STEADY_MS]);
    expect(state.view).toEqual({ kind: 'resting' });
  });

  it('starts the second again when the page moves by more than 2 %, and counts slow drift from where it settled', () => {
    const drift = (at: number) => seen(at, moved(page, at / 50)); // 2 px per 100 ms: 12 px after 600 ms
    const { shots } = run(frames(0, 1200, drift));
    expect(shots).toEqual([]);
    const jump = run([...frames(0, 700, (at) => seen(at)), ...frames(800, 2000, (at) => seen(at, moved(page, 30)))]);
    expect(jump.shots).toEqual([1800]);
  });

  it('never shoots with the automatic shot off, but still shows the page held still', () => {
    const { state, shots } = run(
      frames(0, 3000, (at) => seen(at)),
      false,
    );
    expect(shots).toEqual([]);
    expect(state.view).toEqual({ kind: 'holding', progress: 1 });
  });

  it('rides out a frame or two the finder missed, but a page gone longer starts over', () => {
    const blip = run([...frames(0, 500, (at) => seen(at)), missed(600), missed(700), ...frames(800, 1000, (at) => seen(at))]);
    expect(blip.shots).toEqual([1000]);
    // While missed briefly, the outline stays drawn (no flicker) and no shot is taken on a miss.
    const during = run([...frames(0, 900, (at) => seen(at)), missed(1000), missed(1100)]);
    expect(during.shots).toEqual([]);
    expect(during.state.outline).toEqual(page);
    const gone = run([...frames(0, 500, (at) => seen(at)), ...frames(600, 600 + LOST_AFTER_MS + 100, missed), ...frames(1200, 2100, (at) => seen(at))]);
    expect(gone.shots).toEqual([]);
    expect(gone.state.view).toEqual({ kind: 'holding', progress: 0.9 });
  });

  it('rests after a shot and never shoots the same page twice while it stays', () => {
    const { state, shots } = run(frames(0, 8000, (at) => seen(at)));
    expect(shots).toEqual([STEADY_MS]);
    expect(state.view).toEqual({ kind: 'shot' });
    expect(run(frames(0, STEADY_MS + REST_MS - 100, (at) => seen(at))).state.view).toEqual({ kind: 'resting' });
  });

  it('shoots the next page once the last one was taken away, even when laid on the same spot', () => {
    const sightings = [...frames(0, 1500, (at) => seen(at)), ...frames(1600, 2200, missed), ...frames(2300, 4000, (at) => seen(at))];
    expect(run(sightings).shots).toEqual([1000, 3300]);
  });

  it('shoots the next page laid over the last one without a gap, once the outline changed and held', () => {
    // The rest runs to 2500; the new outline (40 px off) held from 2000, so it is due at 3000.
    const sightings = [...frames(0, 1900, (at) => seen(at)), ...frames(2000, 4000, (at) => seen(at, moved(page, 40, 10)))];
    expect(run(sightings).shots).toEqual([1000, 3000]);
  });

  it('counts a shot with the shutter too: the page it took is not shot again by itself', () => {
    let { state } = run(frames(0, 600, (at) => seen(at)));
    state = markShot(state, 650);
    expect(state.view).toEqual({ kind: 'resting' });
    const after = run(
      frames(700, 6000, (at) => seen(at)),
      true,
      state,
    );
    expect(after.shots).toEqual([]);
    expect(after.state.view).toEqual({ kind: 'shot' });
  });

  it('never shoots twice within the rest, whatever the finder reports (property)', () => {
    const sighting = fc.record({
      gap: fc.integer({ min: 10, max: 400 }),
      found: fc.boolean(),
      dx: fc.integer({ min: -60, max: 60 }),
      dy: fc.integer({ min: -60, max: 60 }),
    });
    fc.assert(
      fc.property(fc.array(sighting, { maxLength: 120 }), (steps) => {
        let at = 0;
        const sightings = steps.map((s) => {
          at += s.gap;
          return s.found ? seen(at, moved(page, s.dx, s.dy)) : missed(at);
        });
        const { shots } = run(sightings);
        for (let i = 1; i < shots.length; i++) expect(shots[i]! - shots[i - 1]!).toBeGreaterThanOrEqual(Math.max(REST_MS, STEADY_MS));
        // Every shot came on a frame that saw the page, a second or more after the outline settled.
        for (const t of shots) expect(sightings.find((s) => s.at === t)!.found).toBe(true);
        if (shots.length > 0) expect(shots[0]).toBeGreaterThanOrEqual(sightings.find((s) => s.found)!.at + STEADY_MS);
      }),
    );
  });
});
