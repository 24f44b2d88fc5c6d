// Test-only control over when the app's digitization worker may start its next page, so a test can
// cut a batch at an exact photo, or keep a resumed photo in hand while it reads the screen. Without
// it such tests race the worker: on a loaded machine the test process polls less often than the
// worker finishes a page, and a notice shown for half a second, or a batch meant to be cut half-way,
// is over before the test looks (CI failed that way). The app's own code runs unchanged: only the
// moment its `digitize` calls reach the worker is held back.
import type { BrowserContext, Page } from 'playwright-core';

const NEXT_LOAD_KEY = 'motcua-test:digitize-allowance';

interface GatedWindow {
  __digitizeAllowance: number;
}

/** Wraps the digitize worker of every page of the context; without a limit set, nothing is held. */
export async function installDigitizeGate(context: BrowserContext): Promise<void> {
  await context.addInitScript((key: string) => {
    const gated = window as unknown as GatedWindow;
    let stored: string | null = null;
    try {
      stored = sessionStorage.getItem(key);
      sessionStorage.removeItem(key);
    } catch {
      // an opaque origin (about:blank) has no session storage: no limit
    }
    gated.__digitizeAllowance = stored === null ? Infinity : Number(stored);
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name !== 'digitize') return;
        const post = NativeWorker.prototype.postMessage.bind(this) as (message: unknown, transfer?: Transferable[]) => void;
        // comlink sends each call as { type: 'APPLY', path: [method name], ... }.
        this.postMessage = ((message: { type?: string; path?: string[] }, transfer?: Transferable[]) => {
          if (message?.type !== 'APPLY' || message.path?.[0] !== 'digitize') return post(message, transfer);
          const go = () => {
            if (gated.__digitizeAllowance <= 0) return void setTimeout(go, 50);
            gated.__digitizeAllowance--;
            post(message, transfer);
          };
          go();
        }) as Worker['postMessage'];
      }
    };
  }, NEXT_LOAD_KEY);
}

/** From now on, at most `pages` more photos reach the worker on this page (Infinity: no limit). */
export async function allowDigitizing(page: Page, pages: number): Promise<void> {
  await page.evaluate((n) => {
    (window as unknown as GatedWindow).__digitizeAllowance = n;
  }, pages);
}

/** The next load of this tab starts with the worker held: nothing is digitized until allowed. */
export async function holdDigitizingOnNextLoad(page: Page): Promise<void> {
  await page.evaluate((key) => sessionStorage.setItem(key, '0'), NEXT_LOAD_KEY);
}
