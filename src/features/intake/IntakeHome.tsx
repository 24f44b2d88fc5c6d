// Tiếp nhận hồ sơ: choose a procedure to start, continue a draft left open, or reprint a slip.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { IntakeDraftData } from '../../domain/intake';
import { countWaitingSubmissions, deleteDraft, getDb, listDrafts, recentDossiers } from '../../db';
import { PageHeader } from '../../shared';
import { useCurrentCatalogue } from './use-catalogue';
import { displayDateTime } from '../../domain/calendar';

export function IntakeHome() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const catalogue = useCurrentCatalogue();
  const drafts = useLiveQuery(() => listDrafts(getDb()), []);
  const recent = useLiveQuery(() => recentDossiers(getDb(), 20), []);
  // Community teams' online submissions wait in the dossier desk's queue (issue 15).
  const waiting = useLiveQuery(() => countWaitingSubmissions(getDb()), []);
  const [code, setCode] = useState('');

  function start(event: FormEvent) {
    event.preventDefault();
    if (code) navigate(`/moi/${encodeURIComponent(code)}`);
  }
  const time = displayDateTime;
  const fields = [...new Set(catalogue?.procedures.map((p) => p.field))];

  return (
    <>
      <PageHeader title={t('intake.page.title')} intro={t('intake.page.intro')} />
      {!!waiting && (
        <p className="online-queue-link">
          <Link href="~/ho-so/truc-tuyen">{t('dossiers.online.link', { count: waiting })}</Link>
        </p>
      )}
      <form className="card" onSubmit={start}>
        {catalogue === null ? (
          <p>{t('intake.home.noCatalogue')}</p>
        ) : (
          <label>
            {t('intake.home.chooseProcedure')}
            <select value={code} onChange={(e) => setCode(e.target.value)} required>
              <option value="">{t('intake.home.choosePlaceholder')}</option>
              {fields.map((field) => (
                <optgroup key={field} label={field}>
                  {catalogue?.procedures
                    .filter((p) => p.field === field)
                    .map((p) => (
                      <option key={p.code} value={p.code}>
                        {p.name} ({p.code})
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!code}>
            {t('intake.home.start')}
          </button>
        </div>
      </form>
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t('intake.home.drafts')}</h2>
        {drafts?.length === 0 && <p>{t('intake.home.noDrafts')}</p>}
        <ul className="row-list">
          {drafts?.map((draft) => {
            const data = draft.data as IntakeDraftData;
            const who = data.applicant.fullName || t('intake.home.unnamed');
            const name = (draft.procedure as { name?: string }).name ?? draft.procedureCode;
            return (
              <li key={draft.id}>
                <Link href={`/nhap/${draft.id}`}>
                  {who} — {name}
                </Link>
                <span className="muted"> · {t('intake.home.updatedAt', { time: time(draft.updatedAt) })}</span>{' '}
                <button
                  type="button"
                  aria-label={`${t('intake.home.discard')}: ${who}`}
                  onClick={() => window.confirm(t('intake.home.discardConfirm')) && void deleteDraft(getDb(), draft.id)}
                >
                  {t('intake.home.discard')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('intake.home.recent')}</h2>
        {recent?.length === 0 && <p>{t('intake.home.noRecent')}</p>}
        <ul className="row-list">
          {recent?.map((d) => (
            <li key={d.id}>
              <Link href={d.status === 3 ? `/tu-choi/${d.id}` : `/giay-hen/${d.id}`}>{d.code}</Link> — {d.applicantName} — {d.procedureName}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
