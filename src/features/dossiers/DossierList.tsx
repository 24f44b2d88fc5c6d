// Hồ sơ: the desk's list of dossiers on this device, with ready-made views, search and filters.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDb, queryDossiers } from '../../db';
import { PageHeader } from '../../shared';
import { ListFilters } from './ListFilters';
import { useDossierListStore } from './list-store';
import { useNow } from './use-now';
import { useWorkingClock } from './use-clock';
import { ViewButtons } from './ViewButtons';
import { VirtualDossierList } from './VirtualDossierList';

/** Rows shown before the count is known (counting a long index range takes a moment). */
const FIRST_PAGE = 40;

export function DossierList() {
  const { t } = useTranslation();
  const filter = useDossierListStore((s) => s.filter);
  const now = useNow();
  const clock = useWorkingClock();
  // The list itself is cheap to make; its count and its first rows are read separately.
  const result = useLiveQuery(async () => ({ filter, list: await queryDossiers(getDb(), filter, now) }), [filter, now]);
  const list = result?.list;
  const total = useLiveQuery(async () => (list ? { list, n: await list.count() } : undefined), [list]);
  const first = useLiveQuery(async () => (list ? { list, n: (await list.slice(0, FIRST_PAGE)).length } : undefined), [list]);
  const known = total && total.list === list ? total.n : undefined;
  const firstCount = first && first.list === list ? first.n : undefined;
  const count = known ?? firstCount;

  return (
    <>
      <PageHeader title={t('pages.dossiers.title')} intro={t('pages.dossiers.intro')} />
      <ViewButtons now={now} />
      <ListFilters />
      <p role="status" className="dossier-count">
        {count === undefined
          ? t('dossiers.list.loading')
          : count === 0
            ? t('dossiers.list.empty')
            : known === undefined
              ? t('dossiers.list.counting')
              : t('dossiers.list.count', { count: known })}
      </p>
      {list && result && count !== undefined && count > 0 && <VirtualDossierList list={list} count={count} view={result.filter.view} clock={clock} now={now} />}
    </>
  );
}
