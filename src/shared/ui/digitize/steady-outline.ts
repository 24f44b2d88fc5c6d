// When the in-app camera shoots by itself: the page's outline, found in preview frames, has held
// still for about a second. Pure state (time comes in with each sighting), so the rules are tested
// without a camera. After a shot the camera rests, and the same page is never shot twice: the
// outline must leave the frame or change before the next automatic shot.
import type { Quad } from '../../../domain/digitize';

/** How long the outline must hold still before the shot. */
export const STEADY_MS = 1000;
/** Largest corner movement (share of the frame's diagonal) that still counts as holding still: hands shake. */
export const STEADY_TOLERANCE = 0.02;
/** Rest after a shot, so the officer can lay the next page without it being shot half-placed. */
export const REST_MS = 1500;
/** A page missed for less than this (one unlucky frame, a passing shadow) is not a page gone. */
export const LOST_AFTER_MS = 400;
/** Corner movement (share of the diagonal) from the last shot's outline that makes it another page. */
export const CHANGED_BY = 0.06;

/** What the finder said about one preview frame; corners in the frame's own pixels. */
export interface Sighting {
  at: number;
  found: boolean;
  corners?: Quad;
  width: number;
  height: number;
}

/** What the officer sees: no page; a page holding still (progress to the shot, 0–1); resting after a shot; the shot page still there. */
export type SteadyView = { kind: 'searching' } | { kind: 'holding'; progress: number } | { kind: 'resting' } | { kind: 'shot' };

export interface SteadyState {
  /** The outline the steadiness is measured from, and since when it has held. */
  anchor?: { corners: Quad; since: number };
  /** The latest outline found, drawn over the preview; kept through brief misses. */
  outline?: Quad;
  lastSeen?: number;
  /** The outline of the page last shot, until it leaves or changes. */
  shotOutline?: Quad;
  restUntil: number;
  view: SteadyView;
}

export const initialSteady: SteadyState = { restUntil: -Infinity, view: { kind: 'searching' } };

/** The largest distance between corresponding corners. */
export function largestShift(a: Quad, b: Quad): number {
  return Math.max(...a.map((p, i) => Math.hypot(p.x - b[i]!.x, p.y - b[i]!.y)));
}

/**
 * The state after one more preview frame. `shoot` is true on the one frame where the automatic
 * shot is due (only when `auto` is on); the state is then already resting, as after `markShot`.
 */
export function observe(state: SteadyState, sighting: Sighting, auto: boolean): { state: SteadyState; shoot: boolean } {
  const { at } = sighting;
  const diagonal = Math.hypot(sighting.width, sighting.height);
  let { anchor, outline, lastSeen, shotOutline } = state;
  const corners = sighting.found ? sighting.corners : undefined;
  if (corners) {
    outline = corners;
    lastSeen = at;
    if (shotOutline && largestShift(corners, shotOutline) > CHANGED_BY * diagonal) shotOutline = undefined;
    if (!anchor || largestShift(corners, anchor.corners) > STEADY_TOLERANCE * diagonal) anchor = { corners, since: at };
  } else if (lastSeen === undefined || at - lastSeen > LOST_AFTER_MS) {
    // The page has gone: the next one starts afresh, even if laid exactly where the last one was.
    anchor = outline = lastSeen = shotOutline = undefined;
  }
  let view: SteadyView;
  if (at < state.restUntil) view = { kind: 'resting' };
  else if (!anchor) view = { kind: 'searching' };
  else if (shotOutline) view = { kind: 'shot' };
  else view = { kind: 'holding', progress: Math.min(1, Math.max(0, (at - anchor.since) / STEADY_MS)) };
  const next: SteadyState = { anchor, outline, lastSeen, shotOutline, restUntil: state.restUntil, view };
  // Shoot only on a frame that saw the page: never on the memory of one.
  if (auto && corners && view.kind === 'holding' && view.progress >= 1) return { state: markShot(next, at), shoot: true };
  return { state: next, shoot: false };
}

/** A shot was taken (by itself or with the shutter): rest, and remember the page so it is not shot again. */
export function markShot(state: SteadyState, at: number): SteadyState {
  return { ...state, shotOutline: state.anchor?.corners ?? state.outline, anchor: undefined, restUntil: at + REST_MS, view: { kind: 'resting' } };
}
