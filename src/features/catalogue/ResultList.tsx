// The results as a list of links, each with the facts an officer decides by at a glance: code,
// field, time limit and fee. Arrow keys move between results; leaving the top returns to the box.
import { type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CatalogueSearchResult } from '../../domain/catalogue';
import { feeClauses, processingTime } from './procedure-text';
import type { LoadedCatalogue } from './use-catalogue';

interface ResultListProps {
  ref: Ref<HTMLUListElement>;
  results: readonly CatalogueSearchResult[];
  catalogue: LoadedCatalogue;
  /** Back to the search box (arrow up from the first result, Escape, or typing). */
  onLeave(): void;
}

export function ResultList({ ref, results, catalogue, onLeave }: ResultListProps) {
  const { t } = useTranslation();

  const move = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = [...event.currentTarget.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const go = (target: HTMLElement | undefined) => {
      event.preventDefault();
      target?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return go(links[Math.min(at + 1, links.length - 1)]);
      case 'ArrowUp':
        if (at === 0) {
          event.preventDefault();
          return onLeave();
        }
        return go(links[at - 1]);
      case 'Home':
        return go(links[0]);
      case 'End':
        return go(links.at(-1));
      case 'Escape':
        event.preventDefault();
        return onLeave();
      default:
        // A letter typed on a result goes on into the box, as if focus had stayed there.
        if (event.key.length === 1 && event.key !== ' ') onLeave();
    }
  };

  if (results.length === 0) return null;
  return (
    <ul ref={ref} className="catalogue-results" aria-labelledby="catalogue-results-title" onKeyDown={move}>
      {results.map((result) => {
        const procedure = catalogue.byCode.get(result.code);
        const fee = procedure ? feeClauses(procedure.fee)[0] : undefined;
        return (
          <li key={result.code} className="catalogue-result">
            <Link href={`/${result.code}`} className="catalogue-result__name">
              {result.name}
            </Link>
            <dl className="catalogue-facts">
              <div>
                <dt>{t('catalogue.facts.code')}</dt>
                <dd className="catalogue-code">{result.code}</dd>
              </div>
              <div>
                <dt>{t('catalogue.facts.field')}</dt>
                <dd>{result.field}</dd>
              </div>
              {procedure && (
                <div>
                  <dt>{t('catalogue.facts.time')}</dt>
                  <dd>{processingTime(procedure, t)}</dd>
                </div>
              )}
              {procedure && (
                <div className="catalogue-facts__fee">
                  <dt>{t('catalogue.facts.fee')}</dt>
                  <dd>{fee ?? t('catalogue.facts.noFee')}</dd>
                </div>
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
