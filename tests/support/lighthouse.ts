// Lighthouse 12 on a page, with its default mobile profile (simulated slow 4G, 4× CPU slowdown).
import lighthouse from 'lighthouse';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Audits that did not pass in the accessibility and best-practices categories, for messages. */
  failing: string[];
}

export async function runLighthouse(url: string, port: number): Promise<LighthouseScores> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  });
  if (!result) throw new Error('Lighthouse returned no result');
  const { lhr } = result;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = ['accessibility', 'best-practices'].flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${id}/${ref.id}: ${lhr.audits[ref.id]?.title}`),
  );
  return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), failing };
}
