// The matching dossiers as a virtualized list: only the rows in view (and a few around them)
// exist in the page and are read from the database, whether 12 or 100,000 dossiers match.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { WorkingTime } from '../../domain/calendar';
import { getDb, getDossiers, type DossierList, type DossierRow, type DossierView } from '../../db';
import { displayDate } from '../../domain/calendar';
import { timeLeft } from './time-left';
import { SyncBadge } from './SyncBadge';

const ROW_HEIGHT = 76;

interface Props {
  list: DossierList;
  count: number;
  /** The list's first rows, already read (DossierList): shown until this list's own page is read. */
  firstRows: readonly (DossierRow | undefined)[];
  view: DossierView;
  clock: WorkingTime;
  now: Date;
}

export function VirtualDossierList({ list, count, firstRows, view, clock, now }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const from = items[0]?.index ?? 0;
  const to = (items[items.length - 1]?.index ?? -1) + 1;
  // The ids of the rows in view, then those rows: a page, never the whole list.
  const page = useLiveQuery(async () => {
    const ids = await list.slice(from, to);
    const rows = await getDossiers(getDb(), ids);
    return { list, from, rows };
  }, [list, from, to]);
  // Rows of a previous list (before the filter changed) are never shown at the new list's places.
  const rowAt = (index: number): DossierRow | undefined => (page && page.list === list ? page.rows[index - page.from] : firstRows[index]);

  return (
    <div ref={scroller} className="dossier-scroller" data-view={view}>
      <ul className="dossier-rows" aria-label={t('dossiers.list.results')} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          return (
            <li
              key={item.key}
              className="dossier-row"
              aria-setsize={count}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              {row ? <RowContent row={row} clock={clock} now={now} /> : <span className="muted">…</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function RowContent({ row, clock, now }: { row: DossierRow; clock: WorkingTime; now: Date }) {
  const { t } = useTranslation();
  const left = timeLeft(t, clock, row, now);
  return (
    <>
      <div className="dossier-row-line">
        <Link href={`/${row.id}`} className="dossier-code">
          {row.code}
        </Link>
        <span className={`status-badge status-${row.status}`}>{t(`dossiers.status.${row.status}` as 'dossiers.status.1')}</span>
        {left.text && <span className={`time-left tone-${left.tone}`}>{left.text}</span>}
      </div>
      <div className="dossier-row-line muted">
        <span className="dossier-name">{row.applicantName}</span>
        <span className="dossier-procedure">{row.procedureName}</span>
        <span>{t('dossiers.list.received', { date: displayDate(row.receivedAt) })}</span>
        <SyncBadge row={row} />
      </div>
    </>
  );
}
