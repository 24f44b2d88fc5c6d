// Catalogue search: index build and cache restore for a province-sized catalogue (2,000
// procedures grown from the real 53), median and p95 time per query over 50 varied queries
// against a plain linear scan of folded names in the same run, and how often the meant
// procedure is in the top 3 for the realistic query set. Measured in Node on this machine's
// CPU: the same code runs in the catalogue worker, where the page adds one postMessage per query.
import {
  buildCatalogueIndex,
  demoCatalogue,
  linearScanSearch,
  loadIndex,
  searchCatalogue,
  serializeIndex,
  type CatalogueIndex,
  type CatalogueSearchResult,
} from '../../src/domain/catalogue';
import { catalogueQuerySet } from '../../src/domain/catalogue/query-set';
import { benchQueries, generateCatalogue } from './catalogue-fixtures';
import { median, percentile, type Section } from './report';

const BUILDS = 5;
const REPEATS = 30;
const LIMIT = 10;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Each query's median over REPEATS runs: one figure per query, so one slow query is one in 50. */
function perQuery(run: (query: string) => unknown): number[] {
  for (const query of benchQueries) run(query); // warm-up (JIT, caches)
  const samples = benchQueries.map(() => [] as number[]);
  for (let r = 0; r < REPEATS; r++) {
    benchQueries.forEach((query, i) => samples[i]!.push(time(() => run(query))));
  }
  return samples.map(median);
}

function top3Share(search: (query: string) => CatalogueSearchResult[]): number {
  const hits = catalogueQuerySet.filter(({ query, expected }) =>
    search(query)
      .slice(0, 3)
      .some((r) => r.code === expected),
  );
  return (100 * hits.length) / catalogueQuerySet.length;
}

export async function benchCatalogue(): Promise<Section> {
  const demo = demoCatalogue();
  const big = generateCatalogue(demo.procedures, 2000);

  let index: CatalogueIndex | undefined;
  const builds: number[] = [];
  for (let i = 0; i < BUILDS; i++) builds.push(time(() => (index = buildCatalogueIndex(big.procedures))));
  const built = index!;
  // The app caches the index as JSON text in IndexedDB and restores it on the next start.
  const snapshot = JSON.stringify(serializeIndex(built));
  const restores: number[] = [];
  for (let i = 0; i < BUILDS; i++) restores.push(time(() => loadIndex(JSON.parse(snapshot))));

  // Interleaved per repeat would mix caches; each engine gets its own warm-up and runs instead.
  const engine = perQuery((query) => searchCatalogue(built, query, { limit: LIMIT }));
  const linear = perQuery((query) => linearScanSearch(big.procedures, query, LIMIT));

  const demoIndex = buildCatalogueIndex(demo.procedures);
  const engineShareDemo = top3Share((q) => searchCatalogue(demoIndex, q, { limit: 3 }));
  const linearShareDemo = top3Share((q) => linearScanSearch(demo.procedures, q, 3));
  const engineShareBig = top3Share((q) => searchCatalogue(built, q, { limit: 3 }));
  const linearShareBig = top3Share((q) => linearScanSearch(big.procedures, q, 3));

  return {
    section: `Catalogue search (${big.procedures.length} procedures, ${benchQueries.length} queries × ${REPEATS})`,
    figures: [
      { name: 'index build, median of 5', value: median(builds), unit: 'ms' },
      { name: 'index restore from cached JSON, median of 5', value: median(restores), unit: 'ms', baseline: median(builds), note: 'baseline: build' },
      { name: 'cached index size (JSON)', value: snapshot.length / 1024, unit: 'KB' },
      { name: 'query time, median over queries', value: median(engine), unit: 'ms', baseline: median(linear), note: 'baseline: linear scan of folded names' },
      { name: 'query time, p95 over queries', value: percentile(engine, 95), unit: 'ms', baseline: percentile(linear, 95) },
      { name: 'query time, slowest query', value: Math.max(...engine), unit: 'ms', baseline: Math.max(...linear) },
      {
        name: `top-3 share, realistic set (${catalogueQuerySet.length}), demo catalogue`,
        value: engineShareDemo,
        unit: '%',
        baseline: linearShareDemo,
        note: 'baseline: linear scan',
      },
      { name: `top-3 share, realistic set, within the ${big.procedures.length}`, value: engineShareBig, unit: '%', baseline: linearShareBig },
    ],
  };
}
