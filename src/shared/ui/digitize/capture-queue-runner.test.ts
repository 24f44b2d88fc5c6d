// The loop over a component's capture queue, on a real (fake-indexeddb) database with a scripted
// digitizer: pages come out in the order taken; a corrupt photo is reported and removed without
// holding up the rest; a doubtful page stays queued for review; a loop stopped mid-batch (the tab
// closed) leaves the rest queued, and the next loop finishes them with no photo processed twice.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueCapture, listCaptureQueue, listComponentPages, MotcuaDb, type QueuedPhoto } from '../../../db';
import type { QualityIssue } from '../../../domain/digitize';
import { drainCaptureQueue, exclusive, type DrainHooks } from './capture-queue-runner';
import type { DigitizedPage, Digitizer } from './digitizer';
import type { Message } from './messages';

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`capture-runner-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const photo = (name: string, body = name) => ({ name, blob: new Blob([new Uint8Array(JPEG), body], { type: 'image/jpeg' }) });

/** A digitizer that reads the photo's text: "corrupt…" is refused, "doubt…" needs review, "throw…" crashes the worker. */
function scriptedDigitizer() {
  const digitized: string[] = [];
  const body = async (blob: Blob) => (await blob.text()).slice(4);
  const digitizer: Digitizer = {
    async inspect(blob) {
      const text = await body(blob);
      if (text.startsWith('%PDF')) return { ok: true, kind: 'pdf' };
      if (text.startsWith('throw')) throw new Error('worker died');
      return text.startsWith('corrupt') ? { ok: false, problem: 'corrupt' } : { ok: true, kind: 'jpeg' };
    },
    async digitize(blob) {
      const text = await body(blob);
      digitized.push(text);
      const issues: QualityIssue[] = text.startsWith('doubt') ? ['uncertainPage'] : [];
      const file = { blob: new Blob([`page of ${text}`]), type: 'image/tiff', sha256: `sha-${text}`.padEnd(64, '0'), size: 10 };
      return {
        ok: true,
        file,
        thumbnail: new Blob(['t']),
        issues,
        mode: 'text',
        suggestedMode: 'text',
        corners: [],
        timings: {},
        metrics: { sourceDpi: 200 },
      } as unknown as DigitizedPage;
    },
    async assemblePdf() {
      throw new Error('not used');
    },
    async keepAsIs(blob) {
      return { ok: true, file: { blob, type: 'application/pdf', sha256: 'pdf'.padEnd(64, '0'), size: blob.size } };
    },
  };
  return { digitizer, digitized };
}

function hooks(extra: Partial<DrainHooks> = {}) {
  const problems: Message[] = [];
  const reviews: QueuedPhoto[] = [];
  const progress: string[] = [];
  const held = new Set<number>();
  const h: DrainHooks = {
    progress: (p) => progress.push(`${p.name} ${p.done + 1}/${p.total}`),
    problem: (m) => problems.push(m),
    review: (p) => {
      held.add(p.seq);
      reviews.push(p);
    },
    stored: () => {},
    held: () => held,
    alive: () => true,
    formatSize: (n) => `${n} B`,
    ...extra,
  };
  return { h, problems, reviews, progress, held };
}

const pageNames = async (component = 0) => (await listComponentPages(db, 'draft-1', component)).map((p) => p.name);

describe('draining the capture queue', () => {
  it('stores pages in the order taken, reports and removes a corrupt photo, holds a doubtful page', async () => {
    await enqueueCapture(db, 'draft-1', 0, [photo('a.jpg'), photo('b.jpg', 'corrupt'), photo('c.jpg', 'doubt'), photo('d.jpg'), photo('e.jpg', 'throw')]);
    await enqueueCapture(db, 'draft-1', 0, [photo('f.pdf', '%PDF-1.4 kept')]);
    const { digitizer } = scriptedDigitizer();
    const run = hooks();
    await drainCaptureQueue(db, digitizer, 'draft-1', 0, run.h);

    expect(await pageNames()).toEqual(['a.jpg', 'd.jpg', 'f.pdf']);
    expect(run.progress).toEqual(['a.jpg 1/6', 'b.jpg 2/6', 'c.jpg 3/6', 'd.jpg 4/6', 'e.jpg 5/6', 'f.pdf 6/6']);
    expect(run.problems).toEqual([
      { key: 'digitize.problem.corrupt', params: { name: 'b.jpg', size: '11 B', detail: '' } },
      { key: 'digitize.problem.failed', params: { name: 'e.jpg', reason: 'worker died' } },
    ]);
    // The doubtful photo is still queued (and only it), waiting for the officer.
    expect(run.reviews.map((r) => r.name)).toEqual(['c.jpg']);
    expect((await listCaptureQueue(db, 'draft-1', 0)).map((q) => q.name)).toEqual(['c.jpg']);
  });

  it('resumes a batch stopped mid-way, processing each remaining photo once, in order', async () => {
    const names = ['1.jpg', '2.jpg', '3.jpg', '4.jpg', '5.jpg', '6.jpg'];
    await enqueueCapture(
      db,
      'draft-1',
      2,
      names.map((n) => photo(n)),
    );
    const first = scriptedDigitizer();
    let stored = 0;
    // The tab closes while the fourth photo is in the worker: that page is not stored.
    await drainCaptureQueue(db, first.digitizer, 'draft-1', 2, hooks({ stored: () => void stored++, alive: () => stored < 3 }).h);
    expect(await pageNames(2)).toEqual(['1.jpg', '2.jpg', '3.jpg']);
    expect((await listCaptureQueue(db, 'draft-1', 2)).map((q) => q.name)).toEqual(['4.jpg', '5.jpg', '6.jpg']);

    const second = scriptedDigitizer();
    await drainCaptureQueue(db, second.digitizer, 'draft-1', 2, hooks().h);
    expect(second.digitized).toEqual(['4.jpg', '5.jpg', '6.jpg']);
    expect(await pageNames(2)).toEqual(names);
    expect(await db.captureQueue.count()).toBe(0);
  });

  it('leaves a refused photo queued when the capture closed meanwhile, so its message is shown next time', async () => {
    await enqueueCapture(db, 'draft-1', 0, [photo('bad.jpg', 'corrupt'), photo('ok.jpg')]);
    let open = true;
    const { digitizer } = scriptedDigitizer();
    const slow: Digitizer = {
      ...digitizer,
      inspect: async (blob) => {
        open = false;
        return digitizer.inspect(blob);
      },
    };
    const run = hooks({ alive: () => open });
    await drainCaptureQueue(db, slow, 'draft-1', 0, run.h);
    expect(run.problems).toEqual([]);
    expect((await listCaptureQueue(db, 'draft-1', 0)).map((q) => q.name)).toEqual(['bad.jpg', 'ok.jpg']);
  });

  it('takes photos added while it runs', async () => {
    await enqueueCapture(db, 'draft-1', 0, [photo('a.jpg')]);
    const { digitizer } = scriptedDigitizer();
    let added = false;
    const taking: Digitizer = {
      ...digitizer,
      digitize: async (blob, request) => {
        // The officer takes another photo while the first is in the worker.
        if (!added) await enqueueCapture(db, 'draft-1', 0, [photo('b.jpg')]);
        added = true;
        return digitizer.digitize(blob, request);
      },
    };
    await drainCaptureQueue(db, taking, 'draft-1', 0, hooks().h);
    expect(await pageNames()).toEqual(['a.jpg', 'b.jpg']);
  });
});

describe('one loop per component', () => {
  it('runs jobs of one key one after another, even when one fails', async () => {
    const order: string[] = [];
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const a = exclusive('k', async () => {
      await wait(20);
      order.push('a');
      throw new Error('a failed');
    });
    const b = exclusive('k', async () => {
      order.push('b');
      return 2;
    });
    const other = exclusive('other', async () => {
      order.push('other');
    });
    await expect(a).rejects.toThrow('a failed');
    expect(await b).toBe(2);
    await other;
    expect(order).toEqual(['other', 'a', 'b']);
  });
});
