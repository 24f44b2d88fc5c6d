// Báo cáo: choose a period and field, read the figures, export them, open the register.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { vietnamDateOf } from '../../domain/calendar';
import { dossierFacets, getDb, readCommune, receivedYearRange } from '../../db';
import { PageHeader } from '../../shared';
import { reportCsv, reportFileName, reportXlsx, saveFile } from './export';
import { PeriodForm } from './PeriodForm';
import { periodOf, useReportStore } from './report-store';
import { ReportFigures } from './ReportFigures';
import { useReport, type LoadedReport } from './use-report';

export function ReportView() {
  const { t } = useTranslation();
  const choice = useReportStore((s) => s.choice);
  const period = periodOf(choice);
  const state = useReport(period, choice.field);
  const meta = useLiveQuery(async () => {
    const db = getDb();
    const [facets, years, commune] = await Promise.all([dossierFacets(db), receivedYearRange(db), readCommune(db)]);
    return { fields: facets.fields, years, communeName: commune?.name ?? '' };
  }, []);
  const thisYear = Number(vietnamDateOf(new Date()).slice(0, 4));
  const first = Math.min(meta?.years?.first ?? thisYear, choice.year);
  const years = Array.from({ length: Math.max(thisYear, choice.year) - first + 1 }, (_, i) => first + i).reverse();
  const query = new URLSearchParams({ from: period.from, to: period.to, ...(choice.field ? { field: choice.field } : {}) });

  return (
    <>
      <PageHeader title={t('reports.page.title')} intro={t('reports.page.intro')} />
      <PeriodForm fields={meta?.fields ?? []} years={years} />
      {state.status === 'loading' && <p role="status">{t('reports.computing')}</p>}
      {state.status === 'failed' && (
        <p role="alert" className="error">
          {t('reports.failed', { reason: state.reason })}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          {state.stale && <p role="status">{t('reports.computing')}</p>}
          <ExportBar loaded={state.loaded} communeName={meta?.communeName ?? ''} />
          <p className="no-print">
            <Link href={`/so-theo-doi?${query.toString()}`}>{t('reports.register.link')}</Link>
          </p>
          <ReportFigures loaded={state.loaded} />
        </>
      )}
    </>
  );
}

function ExportBar({ loaded, communeName }: { loaded: LoadedReport; communeName: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<{ busy: boolean; error?: string }>({ busy: false });
  async function run(kind: 'csv' | 'xlsx') {
    setStatus({ busy: true });
    try {
      const ctx = { t, communeName };
      const blob = kind === 'csv' ? new Blob([reportCsv(loaded, ctx)], { type: 'text/csv;charset=utf-8' }) : await reportXlsx(loaded, ctx);
      saveFile(blob, reportFileName(loaded, kind));
      setStatus({ busy: false });
    } catch (error) {
      setStatus({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return (
    <div className="card report-export no-print" role="group" aria-label={t('reports.export.title')}>
      <div className="actions">
        <button type="button" onClick={() => void run('csv')} disabled={status.busy}>
          {t('reports.export.csv')}
        </button>
        <button type="button" onClick={() => void run('xlsx')} disabled={status.busy}>
          {t('reports.export.xlsx')}
        </button>
        {status.busy && <span role="status">{t('reports.export.preparing')}</span>}
      </div>
      {status.error && (
        <p role="alert" className="error">
          {t('reports.export.failed', { reason: status.error })}
        </p>
      )}
    </div>
  );
}
