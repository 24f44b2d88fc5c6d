// The stage most end-to-end test files play on: one real gateway (fresh data folder) and one
// Chromium, started together before the file's tests and torn down after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { removeDir, startGateway, type GatewayOptions, type RunningGateway } from './gateway';

export interface E2eStage {
  readonly gateway: RunningGateway;
  readonly browser: Browser;
}

export interface StageOptions {
  gateway?: GatewayOptions;
  /** How to start Chromium, when the file needs more than the plain launch (a fake camera). */
  launch?: () => Promise<Browser>;
}

/** Registers the file's beforeAll/afterAll; read `gateway` and `browser` inside tests only. */
export function useStage(options: StageOptions = {}): E2eStage {
  let gateway: RunningGateway | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startGateway(options.gateway), (options.launch ?? launchBrowser)()]);
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    if (gateway) removeDir(gateway.dataDir);
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test, after beforeAll`);
    return value;
  };
  return {
    get gateway() {
      return started(gateway, 'the gateway');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
  };
}
