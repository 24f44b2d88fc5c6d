// Hồ sơ trực tuyến chờ tiếp nhận (/ho-so/truc-tuyen, issue 15): the community teams' submissions
// pulled to this desk and not yet decided, newest first; each opens on its dossier page, where the
// officer receives it, asks for papers or refuses it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { displayDateTime } from '../../domain/calendar';
import { countWaitingSubmissions, getDb, listWaitingSubmissions } from '../../db';
import { PageHeader } from '../../shared';

export function OnlineQueue() {
  const { t } = useTranslation();
  const waiting = useLiveQuery(() => listWaitingSubmissions(getDb()), []);
  return (
    <>
      <PageHeader title={t('dossiers.online.title')} intro={t('dossiers.online.intro')} />
      <p className="no-print">
        <Link href="/">{t('dossiers.detail.back')}</Link>
      </p>
      {waiting === undefined ? (
        <p role="status">…</p>
      ) : waiting.length === 0 ? (
        <p role="status">{t('dossiers.online.empty')}</p>
      ) : (
        <table className="online-queue">
          <caption className="visually-hidden">{t('dossiers.online.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dossiers.online.procedure')}</th>
              <th scope="col">{t('dossiers.online.applicant')}</th>
              <th scope="col">{t('dossiers.online.submittedAt')}</th>
              <th scope="col">{t('dossiers.online.lookupCode')}</th>
              <th scope="col">{t('dossiers.online.filedBy')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dossiers.online.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((s) => (
              <tr key={s.row.id}>
                <td>{s.row.procedureName}</td>
                <td>{s.row.applicantName}</td>
                <td>{displayDateTime(s.submittedAt)}</td>
                <td>{s.lookupCode}</td>
                <td>{s.filedBy}</td>
                <td>
                  <Link href={`/${s.row.id}`} aria-label={`${t('dossiers.online.open')} ${s.lookupCode}`}>
                    {t('dossiers.online.open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The way into the queue from the desk's other pages, with how many wait; nothing when none do. */
export function OnlineQueueLink({ href }: { href: string }) {
  const { t } = useTranslation();
  const count = useLiveQuery(() => countWaitingSubmissions(getDb()), []);
  if (!count) return null;
  return (
    <p className="online-queue-link no-print">
      <Link href={href}>{t('dossiers.online.link', { count })}</Link>
    </p>
  );
}
