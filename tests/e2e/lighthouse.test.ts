// Lighthouse's accessibility and best-practices audits pass in full on the shell's pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDebuggableChromium, type DebuggableChromium } from '../support/debuggable-chromium';
import { removeDir, startGateway, type RunningGateway } from '../support/gateway';
import { runLighthouse } from '../support/lighthouse';

let gateway: RunningGateway;
let chrome: DebuggableChromium;

beforeAll(async () => {
  [gateway, chrome] = await Promise.all([startGateway(), launchDebuggableChromium()]);
});
afterAll(async () => {
  await chrome?.close();
  await gateway?.stop();
  removeDir(gateway.dataDir);
});

describe('Lighthouse', () => {
  it.each(['/tra-cuu', '/cai-dat'])('scores 100 for accessibility and best practices on %s', async (path) => {
    const scores = await runLighthouse(`${gateway.url}${path}`, chrome.port);
    expect(scores.failing).toEqual([]);
    expect(scores.accessibility).toBe(100);
    expect(scores.bestPractices).toBe(100);
  });
});
