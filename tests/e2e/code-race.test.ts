// Two tabs of one device receive dossiers at the same time, offline: every receipt gets its own
// number (official while the reserve lasts, then provisional), none is issued twice, and the
// device's database holds every dossier under the number its receipt showed.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newDevice } from '../support/browser';
import { useStage } from '../support/e2e-stage';
import { prepareDevice, receiveKhaiSinh } from '../support/intake-flow';
import { bundleForPage } from '../support/page-bundle';
import type * as RacePage from './code-race-page';

declare global {
  interface Window {
    motcuaRace: typeof RacePage;
  }
}

const stage = useStage();
const PER_TAB = 20;

function storedCodes(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('motcua');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const rows = await new Promise<{ code: string }[]>((resolve, reject) => {
      const request = db.transaction('dossiers').objectStore('dossiers').getAll();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => resolve(request.result as { code: string }[]);
    });
    db.close();
    return rows.map((r) => r.code);
  });
}

describe('dossier numbers in two tabs of one device', () => {
  it('are never issued twice when both tabs receive at the same time', async () => {
    const [bundle, context] = await Promise.all([bundleForPage('tests/e2e/code-race-page.ts', 'motcuaRace'), newDevice(stage.browser, 'laptop')]);
    const first = await context.newPage();
    await prepareDevice(first, stage.gateway.url);
    const second = await context.newPage();
    await second.goto(`${stage.gateway.url}/tiep-nhan`);
    await second.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).waitFor();
    // Offline: nothing is sent, so every number stays as the receipt gave it.
    await context.setOffline(true);
    // Over CDP: the app's CSP refuses inline and eval'd scripts, the DevTools protocol is not bound by it.
    for (const page of [first, second]) await (await context.newCDPSession(page)).send('Runtime.evaluate', { expression: bundle });

    const startAt = Date.now() + 3_000;
    const [tabA, tabB] = await Promise.all([
      first.evaluate(([n, at]) => window.motcuaRace.receiveMany('A', n, at), [PER_TAB, startAt] as const),
      second.evaluate(([n, at]) => window.motcuaRace.receiveMany('B', n, at), [PER_TAB, startAt] as const),
    ]);
    const both = [...tabA, ...tabB];
    expect(both.flatMap((r) => ('failed' in r ? [r.failed] : []))).toEqual([]);
    const [a, b] = [tabA, tabB].map((list) => list.flatMap((r) => ('failed' in r ? [] : [r])));
    // One more at the desk's screen, in the second tab, after the race.
    const atDesk = await receiveKhaiSinh(second);

    const codes = [...a!, ...b!].map((r) => r.code).concat(atDesk);
    expect(codes).toHaveLength(2 * PER_TAB + 1);
    expect(new Set(codes).size).toBe(codes.length);
    // The reserve held official numbers: both tabs drew from it, then went on with provisional ones.
    expect([...a!, ...b!].some((r) => !r.provisional)).toBe(true);
    expect(codes.filter((c) => c.startsWith('TAM-'))).toHaveLength([...a!, ...b!].filter((r) => r.provisional).length + (atDesk.startsWith('TAM-') ? 1 : 0));
    expect((await storedCodes(first)).sort()).toEqual([...codes].sort());
    await context.close();
  });
});
