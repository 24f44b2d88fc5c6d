// The one search box: type with or without accents, half a word, a slip, or a code; arrows move
// into the results and Enter opens one (Enter in the box opens the first).
import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { PageHeader, formatCatalogueDate } from '../../shared';
import { ResultList } from './ResultList';
import { UpdateNotice } from './UpdateNotice';
import { useSearchStore } from './search-store';
import { useCatalogue } from './use-catalogue';
import { useSearchIndex, useSearchResults } from './use-search';

const RESULTS_LIMIT = 20;
// A blank box lists the catalogue (of the chosen field) in its own order, a page at a time.
const LISTING_LIMIT = 50;

export function SearchView() {
  const { t } = useTranslation();
  const state = useCatalogue();
  const catalogue = state.status === 'ready' ? state.catalogue : undefined;
  const { query, field, setQuery, setField } = useSearchStore();
  const { version, error: indexError } = useSearchIndex(catalogue);
  const blank = query.trim() === '';
  const { results, settled } = useSearchResults(query, field, version, blank ? LISTING_LIMIT : RESULTS_LIMIT);
  const [, navigate] = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const hintId = useId();

  useEffect(() => {
    // Keyboard-first desks start typing at once; on touch, focusing would pop the keyboard up uninvited.
    if (window.matchMedia('(pointer: fine)').matches) input.current?.focus({ preventScroll: true });
  }, []);

  const open = (event: FormEvent) => {
    event.preventDefault();
    const first = results[0];
    if (first && settled) navigate(`/${first.code}`);
  };

  const intoResults = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown') return;
    const first = list.current?.querySelector('a');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  };

  const status =
    state.status === 'failed' || indexError !== undefined
      ? t('errors.generic', { reason: state.status === 'failed' ? state.message : indexError })
      : version === undefined
        ? t('catalogue.search.preparing')
        : !settled
          ? ''
          : blank
            ? t('catalogue.search.listed', {
                shown: results.length,
                count: field ? catalogue?.procedures.filter((p) => p.field === field).length : catalogue?.procedures.length,
              })
            : results.length > 0
              ? t('catalogue.search.found', { count: results.length })
              : t('catalogue.search.none');

  return (
    <>
      <PageHeader title={t('catalogue.page.title')} intro={t('catalogue.page.intro')} />
      <UpdateNotice />
      <form role="search" className="catalogue-search" onSubmit={open}>
        <div className="catalogue-search__box">
          <label htmlFor="catalogue-query">{t('catalogue.search.label')}</label>
          <input
            ref={input}
            id="catalogue-query"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={intoResults}
            aria-describedby={hintId}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
          />
        </div>
        <label className="catalogue-search__field">
          {t('catalogue.search.field')}
          <select value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">{t('catalogue.search.allFields')}</option>
            {catalogue?.fields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <p id={hintId} className="catalogue-search__hint">
          {t('catalogue.search.hint')}
        </p>
      </form>
      <h2 id="catalogue-results-title" className="catalogue-sr-only">
        {t('catalogue.search.results')}
      </h2>
      <p role="status" className="catalogue-search__status">
        {status}
      </p>
      {catalogue && version !== undefined && <ResultList ref={list} results={results} catalogue={catalogue} onLeave={() => input.current?.focus()} />}
      {catalogue && (
        <p className="catalogue-version">
          {t('catalogue.search.version', {
            version: catalogue.version,
            date: formatCatalogueDate(catalogue.issuedAt),
          })}
        </p>
      )}
    </>
  );
}
