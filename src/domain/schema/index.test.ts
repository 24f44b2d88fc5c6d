// Where zod may generate code: never under the app's page policy (a page or a worker), always on the gateway.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the shared zod', () => {
  it('keeps its compiled fast path on the gateway (Node)', async () => {
    vi.resetModules();
    const { z } = await import('./index');
    expect(z.config().jitless).toBe(false);
  });

  it('parses without generating code in a page', async () => {
    vi.resetModules();
    vi.stubGlobal('document', {});
    const { z } = await import('./index');
    expect(z.config().jitless).toBe(true);
  });

  it('parses without generating code in a worker or the service worker', async () => {
    vi.resetModules();
    vi.stubGlobal('WorkerGlobalScope', function WorkerGlobalScope() {});
    const { z } = await import('./index');
    expect(z.config().jitless).toBe(true);
  });
});
