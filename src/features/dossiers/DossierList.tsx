// Hồ sơ: the desk's list of dossiers on this device, with ready-made views, search and filters.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countDossierViews, getDb, getDossiers, plainView, queryDossiers } from '../../db';
import { PageHeader } from '../../shared';
import { ListFilters } from './ListFilters';
import { OnlineQueueLink } from './OnlineQueue';
import { useDossierListStore } from './list-store';
import { useNow } from './use-now';
import { useWorkingClock } from './use-clock';
import { ViewButtons } from './ViewButtons';
import { VirtualDossierList } from './VirtualDossierList';

/** Ids read first: places shown before the count is known (counting a long range takes a moment); fewer is the whole list. */
const FIRST_PAGE = 40;
/** Of those, the rows read before the list shows: a tall screen's worth (the list reads the rest as it mounts). */
const FIRST_ROWS = 24;

export function DossierList() {
  const { t } = useTranslation();
  const filter = useDossierListStore((s) => s.filter);
  const now = useNow();
  const clock = useWorkingClock();
  // The list itself is cheap to make; its first rows and its count are read separately.
  const result = useLiveQuery(async () => ({ filter, list: await queryDossiers(getDb(), filter, now) }), [filter, now]);
  const list = result?.list;
  // The first rows themselves (not only their ids), so they are on screen as soon as this read ends.
  const first = useLiveQuery(async () => {
    if (!list) return undefined;
    const ids = await list.slice(0, FIRST_PAGE);
    return { list, length: ids.length, rows: await getDossiers(getDb(), ids.slice(0, FIRST_ROWS)) };
  }, [list]);
  const firstPage = first && first.list === list ? first : undefined;
  const firstRows = firstPage?.rows;
  const rowsIn = firstRows !== undefined;
  // Counting walks a whole index range (about a second at 100,000 dossiers) and IndexedDB answers a
  // page's requests one after another: the counts and the filters' choices are asked only once the
  // first rows are in, so they never stand in front of them. The page stays open to them after.
  const [opened, setOpened] = useState(false);
  if (rowsIn && !opened) setOpened(true);
  const counts = useLiveQuery(() => (opened ? countDossierViews(getDb(), now) : undefined), [now, opened]);
  // A first page shorter than a page is the whole list: its length is the count. A ready-made view
  // with nothing more asked is counted with the others. Only what is left walks its own range.
  const whole = firstPage !== undefined && firstPage.length < FIRST_PAGE;
  const view = result ? plainView(result.filter) : null;
  const own = rowsIn && !whole && view === null;
  const total = useLiveQuery(async () => (list && own ? { list, n: await list.count() } : undefined), [list, own]);
  const known = whole ? firstPage.length : view !== null ? counts?.[view] : total && total.list === list ? total.n : undefined;
  const count = known ?? firstPage?.length;

  return (
    <>
      <PageHeader title={t('dossiers.page.title')} intro={t('dossiers.page.intro')} />
      <OnlineQueueLink href="/truc-tuyen" />
      <ViewButtons counts={counts} />
      <ListFilters ready={opened} />
      <p role="status" className="dossier-count">
        {count === undefined
          ? t('dossiers.list.loading')
          : count === 0
            ? t('dossiers.list.empty')
            : known === undefined
              ? t('dossiers.list.counting')
              : t('dossiers.list.count', { count: known })}
      </p>
      {list && result && firstRows && count !== undefined && count > 0 && (
        <VirtualDossierList list={list} count={count} firstRows={firstRows} view={result.filter.view} clock={clock} now={now} />
      )}
    </>
  );
}
