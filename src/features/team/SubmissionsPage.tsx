// Hồ sơ đã nộp: this tablet's submissions, newest first, each with its state in words and its slip.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch } from 'wouter';
import { displayDateTime } from '../../domain/calendar';
import { getDb, recentDossiers, type DossierRow } from '../../db';
import { PageHeader } from '../../shared';
import { submissionState } from './submission-state';
import { TrackingSlip } from './TrackingSlip';
import './team.css';

function StateLine({ row }: { row: DossierRow }) {
  const { t } = useTranslation();
  const state = submissionState(row);
  switch (state.kind) {
    case 'received':
      return <span className="team-state">{t('team.state.received', { code: state.code })}</span>;
    case 'supplement':
      return <span className="team-state">{t('team.state.supplement', { what: state.what })}</span>;
    case 'refused':
      return <span className="team-state">{t('team.state.refused', { why: state.why })}</span>;
    default:
      return <span className="team-state">{t(`team.state.${state.kind}`)}</span>;
  }
}

function SubmissionList() {
  const { t } = useTranslation();
  // On a team tablet every dossier is one of its own submissions (the gateway pulls it no other).
  const rows = useLiveQuery(async () => (await recentDossiers(getDb(), 500)).filter((r) => r.lookupCode), []);
  return (
    <div className="team-page">
      <PageHeader title={t('team.list.title')} intro={t('team.list.intro')} />
      {rows?.length === 0 && <p>{t('team.list.none')}</p>}
      <ul className="team-list">
        {rows?.map((row) => (
          <li key={row.id}>
            <p>
              <strong>{row.applicantName}</strong> — {row.procedureName}
            </p>
            <p>
              <StateLine row={row} />
            </p>
            <p className="muted">{t('team.list.filedAt', { time: displayDateTime(row.submittedAt ?? row.receivedAt), code: row.lookupCode })}</p>
            <Link href={`/phieu/${row.id}`}>{t('team.list.slip')}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SubmissionsPage() {
  return (
    <Switch>
      <Route path="/phieu/:id">{(p) => <TrackingSlip id={p.id} />}</Route>
      <Route>
        <SubmissionList />
      </Route>
    </Switch>
  );
}
