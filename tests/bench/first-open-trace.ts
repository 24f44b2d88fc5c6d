// Diagnostic (not part of npm run bench): what happens between opening /ho-so and its first rows
// at MOTCUA_BENCH_DOSSIERS dossiers. Generates the dossiers as the dossier bench does, then opens
// /ho-so a few times with every IndexedDB request and the page's milestones timed from the
// navigation's start, and prints the timeline. `npx tsx tests/bench/first-open-trace.ts`
import type * as BenchPage from './dossiers-page';
import { openBenchDesk } from './bench-desk';

const COUNT = Number(process.env.MOTCUA_BENCH_DOSSIERS ?? 20_000);
const OPENS = Number(process.env.MOTCUA_TRACE_OPENS ?? 3);

declare global {
  interface Window {
    motcuaBench: typeof BenchPage;
    motcuaTrace: { name: string; start: number; end?: number; firstRow?: number }[];
  }
}

// Plain script text: wraps IDB requests so each is logged with its start and first answer, and
// notes when the list's milestones reach the page.
const TRACE = `
(() => {
  const log = (window.motcuaTrace = []);
  const wrap = (proto, kind, method) => {
    const original = proto[method];
    if (!original) return;
    proto[method] = function (...args) {
      const entry = { name: kind + '.' + method + ' ' + (this.objectStore ? this.objectStore.name + '/' : '') + this.name + (args[0] !== undefined && args[0] !== null ? ' ' + (args[0] instanceof IDBKeyRange ? 'range' : JSON.stringify(args[0]).slice(0, 40)) : ''), start: performance.now() };
      log.push(entry);
      const req = original.apply(this, args);
      req.addEventListener('success', () => { if (entry.end === undefined) entry.end = performance.now(); else entry.last = performance.now(); });
      return req;
    };
  };
  for (const m of ['count', 'get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'getKey'])
    { wrap(IDBObjectStore.prototype, 'store', m); wrap(IDBIndex.prototype, 'index', m); }
  for (const m of ['put', 'add', 'delete']) wrap(IDBObjectStore.prototype, 'store', m);
  const origTx = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
    const tx = origTx.call(this, stores, mode, ...rest);
    const entry = { name: 'tx ' + (mode || 'readonly') + ' [' + [].concat(stores).join(',') + ']', start: performance.now() };
    log.push(entry);
    tx.addEventListener('complete', () => (entry.end = performance.now()));
    return tx;
  };
  const seen = {};
  const mark = (name, test) => { if (!seen[name] && test()) { seen[name] = true; log.push({ name: 'DOM ' + name, start: performance.now() }); requestAnimationFrame(() => log.push({ name: 'FRAME after ' + name, start: performance.now() })); } };
  const check = () => {
    mark('shell', () => document.querySelector('.app-header'));
    mark('first row', () => document.querySelector('.dossier-row a.dossier-code'));
    mark('placeholder row', () => document.querySelector('.dossier-row'));
    mark('count shown', () => /\\d/.test(document.querySelector('.dossier-count')?.textContent ?? ''));
    mark('view counts', () => /\\(/.test(document.querySelector('.view-all')?.textContent ?? ''));
    mark('facets', () => (document.querySelectorAll('.dossier-filters select')[1]?.options.length ?? 0) > 1);
  };
  let had = false;
  const toggles = () => {
    const has = !!document.querySelector('.dossier-row a.dossier-code');
    if (has !== had) log.push({ name: has ? 'ROWS present' : 'ROWS gone', start: performance.now() });
    had = has;
    const c = document.querySelector('.dossier-count')?.textContent ?? '';
    if (c !== toggles.last) log.push({ name: 'STATUS ' + c, start: performance.now() });
    toggles.last = c;
  };
  new MutationObserver(toggles).observe(document, { subtree: true, childList: true, characterData: true });
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();
`;

const { page, gateway, close } = await openBenchDesk();
try {
  const generated = await page.evaluate(([n, d]) => window.motcuaBench.generate(n, d), [COUNT, 730] as const);
  console.log(`generated ${generated.dossiers} in ${Math.round(generated.ms)} ms`);
  await page.addInitScript({ content: TRACE });
  for (let k = 0; k < OPENS; k++) {
    await page.goto(`${gateway.url}/ho-so`);
    // As the dossier bench measured before: Playwright's waitFor, then the page's clock.
    await page.locator('.dossier-row a.dossier-code').first().waitFor({ timeout: 120_000 });
    const polled = await page.evaluate(() => performance.now());
    await page.waitForFunction(
      () =>
        (document.querySelectorAll<HTMLSelectElement>('.dossier-filters select')[1]?.options.length ?? 0) > 1 &&
        /\(/.test(document.querySelector('.view-all')?.textContent ?? ''),
      undefined,
      {
        timeout: 120_000,
        polling: 100,
      },
    );
    await page.waitForTimeout(1500);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { responseEnd: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    const trace = await page.evaluate(() => window.motcuaTrace);
    const resources = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        name: `RESOURCE ${r.name.replace(/^.*\//, '')} (${r.initiatorType}, ${r.transferSize} B)`,
        start: r.startTime,
        end: r.responseEnd,
      })),
    );
    trace.push(...resources);
    console.log(
      `\n=== open ${k + 1}: waitFor returned at ${polled.toFixed(0)}, responseEnd ${nav.responseEnd.toFixed(0)}, DOMContentLoaded ${nav.domContentLoaded.toFixed(0)}, load ${nav.load.toFixed(0)}`,
    );
    for (const e of trace.sort((a, b) => a.start - b.start))
      console.log(
        `${e.start.toFixed(0).padStart(6)} ${e.end !== undefined ? `→ ${e.end.toFixed(0).padStart(6)} (${(e.end - e.start).toFixed(0).padStart(5)} ms)` : ''.padEnd(20)} ${e.name}`,
      );
  }
} finally {
  await close();
}
process.exit(0);
