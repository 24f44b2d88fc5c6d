// The live outline of the in-app camera: finds the page in preview frames while the camera runs.
// A worker of its own rather than a method of the digitize worker: that one runs one job at a
// time and a 12 MP page takes seconds on a tablet, so the outline would freeze exactly while the
// last shot is being processed, which is when the officer lays the next page. This one is small
// (the corner finder only). Frames come as VideoFrames where the browser has them: the main thread
// only wraps the current frame (no copy, no conversion) and this worker reads its luma plane.
import { expose } from 'comlink';
import { outlineOf } from './outline/find-outline';

export type { OutlineResult } from './outline/find-outline';

const api = {
  /** A preview frame (transferred; closed here) → the page's outline in a `frameWidth`×`frameHeight` frame. */
  outline: outlineOf,
};

export type OutlineApi = typeof api;
expose(api);
