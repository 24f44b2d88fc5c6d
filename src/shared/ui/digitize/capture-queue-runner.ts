// Works through a component's capture queue (src/db/capture-queue), one photo at a time in the order
// taken: each goes through the digitizer, and a good page is stored in the transaction that takes
// its photo out of the queue. A refused or unreadable photo is reported and removed; a doubtful page
// stays queued until the officer decides. Free of React, so the same loop resumes after a reload.
import { dropQueuedPhoto, listCaptureQueue, openQueuedPhoto, storeQueuedPage, type MotcuaDb, type PageMaking, type QueuedPhoto } from '../../../db';
import type { DigitizedPage, Digitizer } from './digitizer';
import { problemMessage, type Message } from './messages';

export interface DrainHooks {
  /** Before each photo: its name, photos finished in this run, and all photos of the run so far. */
  progress(state: { name: string; done: number; total: number }): void;
  /** A photo refused or failed: it has left the queue. */
  problem(message: Message): void;
  /** A page whose corners or quality need the officer: its photo stays queued until decided. */
  review(photo: QueuedPhoto, result: DigitizedPage): void;
  /** A page stored (an image page carries its digitizer result, a PDF kept as it is does not). */
  stored(photo: QueuedPhoto, pageId: string, result?: DigitizedPage): void;
  /** Photos held for review in this capture: not taken again. */
  held(): ReadonlySet<number>;
  /** False once the capture is closed: stop after the photo in hand. */
  alive(): boolean;
  formatSize(bytes: number): string;
}

/** The page to store for a digitized photo. */
export function pageOf(result: DigitizedPage, name: string) {
  const { file, thumbnail } = result;
  return { sha256: file.sha256, blob: file.blob, type: file.type, size: file.size, name, thumbnail };
}

/** How a digitized page was made from its photo, kept with the photo of a draft's page to re-open it. */
export function makingOf(result: DigitizedPage): PageMaking {
  return { corners: result.corners, mode: result.mode, turns: result.turns };
}

type Outcome = { refused: Message } | { kept: { sha256: string; blob: Blob; type: string; size: number } } | { page: DigitizedPage };

async function process(digitizer: Digitizer, photo: QueuedPhoto, size: string): Promise<Outcome> {
  try {
    const checked = await digitizer.inspect(photo.blob);
    if (!checked.ok) return { refused: problemMessage(checked, photo.name, size) };
    if (checked.kind === 'pdf') {
      const kept = await digitizer.keepAsIs(photo.blob);
      if (!kept.ok) return { refused: problemMessage(kept, photo.name, size) };
      if (!('file' in kept)) return { refused: { key: 'digitize.problem.corrupt', params: { name: photo.name } } };
      return { kept: kept.file };
    }
    const result = await digitizer.digitize(photo.blob, { mode: 'auto' });
    return result.ok ? { page: result } : { refused: problemMessage(result, photo.name, size) };
  } catch (error) {
    // The worker could not read it (a damaged photo on disk, a decoder crash twice over).
    return { refused: { key: 'digitize.problem.failed', params: { name: photo.name, reason: error instanceof Error ? error.message : String(error) } } };
  }
}

/**
 * Processes the photos waiting for one component until none is left (photos added meanwhile
 * included). Storage errors (a full disk) are thrown, the photo kept queued for the next try.
 */
export async function drainCaptureQueue(db: MotcuaDb, digitizer: Digitizer, ownerId: string, componentIndex: number, hooks: DrainHooks): Promise<void> {
  let done = 0;
  while (hooks.alive()) {
    const held = hooks.held();
    const waiting = (await listCaptureQueue(db, ownerId, componentIndex)).filter((p) => !held.has(p.seq));
    const next = waiting[0];
    if (!next) return;
    // Only the photo processed now is opened (the queue's others stay sealed until their turn).
    const photo = await openQueuedPhoto(db, next);
    hooks.progress({ name: photo.name, done, total: done + waiting.length });
    const outcome = await process(digitizer, photo, hooks.formatSize(photo.blob.size));
    if ('refused' in outcome) {
      // Closed meanwhile: the photo stays, so its message is shown when the capture opens again.
      if (!hooks.alive()) return;
      await dropQueuedPhoto(db, photo.seq);
      hooks.problem(outcome.refused);
    } else if ('kept' in outcome) {
      const id = await storeQueuedPage(db, photo.seq, { ...outcome.kept, name: photo.name });
      if (id) hooks.stored(photo, id);
    } else if (outcome.page.issues.length === 0) {
      const id = await storeQueuedPage(db, photo.seq, pageOf(outcome.page, photo.name), makingOf(outcome.page));
      if (id) hooks.stored(photo, id, outcome.page);
    } else {
      hooks.review(photo, outcome.page);
    }
    done++;
  }
}

const runs = new Map<string, Promise<unknown>>();

/** Runs `job` after every earlier job of the same key: one loop per component, even across remounts. */
export function exclusive<T>(key: string, job: () => Promise<T>): Promise<T> {
  const before = runs.get(key) ?? Promise.resolve();
  const mine = before.then(job, job);
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  runs.set(key, settled);
  void settled.then(() => {
    if (runs.get(key) === settled) runs.delete(key);
  });
  return mine;
}
