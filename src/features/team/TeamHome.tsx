// Nộp hồ sơ: the team member chooses the villager's procedure, or continues a filing left open.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Procedure } from '../../domain/catalogue';
import type { IntakeDraftData } from '../../domain/intake';
import { deleteDraft, getDb, listDrafts } from '../../db';
import { PageHeader } from '../../shared';
import './team.css';

export function TeamHome({ procedures }: { procedures: Procedure[] | null | undefined }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const drafts = useLiveQuery(() => listDrafts(getDb()), []);
  const [code, setCode] = useState('');

  function start(event: FormEvent) {
    event.preventDefault();
    if (code) navigate(`/moi/${encodeURIComponent(code)}`);
  }

  return (
    <div className="team-page">
      <PageHeader title={t('team.home.title')} intro={t('team.home.intro')} />
      <form className="card" onSubmit={start}>
        {procedures === null ? (
          <p>{t('team.home.noCatalogue')}</p>
        ) : (
          <label>
            {t('team.home.chooseProcedure')}
            <select value={code} onChange={(e) => setCode(e.target.value)} required>
              <option value="">{t('team.home.choosePlaceholder')}</option>
              {procedures?.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="actions team-actions">
          <button type="submit" className="primary" disabled={!code}>
            {t('team.home.start')}
          </button>
        </div>
      </form>
      <section aria-labelledby="team-drafts">
        <h2 id="team-drafts">{t('team.home.drafts')}</h2>
        {drafts?.length === 0 && <p>{t('team.home.noDrafts')}</p>}
        <ul className="team-list">
          {drafts?.map((draft) => {
            const who = (draft.data as IntakeDraftData).applicant.fullName || t('team.home.unnamed');
            const name = (draft.procedure as { name?: string }).name ?? draft.procedureCode;
            return (
              <li key={draft.id}>
                <Link href={`/nhap/${draft.id}`}>
                  {who} — {name}
                </Link>
                <button
                  type="button"
                  aria-label={`${t('team.home.discard')}: ${who}`}
                  onClick={() => window.confirm(t('team.home.discardConfirm')) && void deleteDraft(getDb(), draft.id)}
                >
                  {t('team.home.discard')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
