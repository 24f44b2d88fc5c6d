// Search and filters of the dossier list: code / name / ID number, status, procedure, field and
// the dates received. Typing is debounced so a search runs once the officer pauses.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierFacets, getDb } from '../../db';
import { useDossierListStore } from './list-store';

const STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** `ready`: the list's first rows are in; the field and procedure choices are read only then. */
export function ListFilters({ ready }: { ready: boolean }) {
  const { t } = useTranslation();
  const filter = useDossierListStore((s) => s.filter);
  const setFilter = useDossierListStore((s) => s.setFilter);
  const clear = useDossierListStore((s) => s.clear);
  const facets = useLiveQuery(() => (ready ? dossierFacets(getDb()) : undefined), [ready]);
  const [text, setText] = useState(filter.text);

  useEffect(() => {
    const timer = setTimeout(() => setFilter({ text }), 250);
    return () => clearTimeout(timer);
  }, [text, setFilter]);
  // "Xoá bộ lọc" empties the box too.
  useEffect(() => setText(filter.text), [filter.text]);

  return (
    <form className="card dossier-filters" role="search" aria-label={t('dossiers.list.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="dossier-search">
        {t('dossiers.list.search')}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      </label>
      <div className="form-grid">
        <label>
          {t('dossiers.list.status')}
          <select value={filter.status ?? ''} onChange={(e) => setFilter({ status: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t('dossiers.list.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`dossiers.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dossiers.list.field')}
          <select value={filter.field ?? ''} onChange={(e) => setFilter({ field: e.target.value || null })}>
            <option value="">{t('dossiers.list.anyField')}</option>
            {facets?.fields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dossiers.list.procedure')}
          <select value={filter.procedureCode ?? ''} onChange={(e) => setFilter({ procedureCode: e.target.value || null })}>
            <option value="">{t('dossiers.list.anyProcedure')}</option>
            {facets?.procedures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dossiers.list.receivedFrom')}
          <input type="date" value={filter.receivedFrom ?? ''} onChange={(e) => setFilter({ receivedFrom: e.target.value || null })} />
        </label>
        <label>
          {t('dossiers.list.receivedTo')}
          <input type="date" value={filter.receivedTo ?? ''} onChange={(e) => setFilter({ receivedTo: e.target.value || null })} />
        </label>
      </div>
      <div className="actions">
        <button type="button" onClick={clear}>
          {t('dossiers.list.clear')}
        </button>
      </div>
    </form>
  );
}
