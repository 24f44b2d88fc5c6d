// The citizen's A4 checklist (Hướng dẫn chuẩn bị hồ sơ): the papers to bring with a box to tick,
// the time limit and fees, and a QR code that reopens this procedure. The paper is Vietnamese
// whatever language the screen uses, because it goes home with the citizen.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getDb, readCommune } from '../../db';
import { PageHeader, formatCatalogueDate } from '../../shared';
import { ComponentsTable } from './ComponentsTable';
import { QrCode } from './QrCode';
import { feeClauses, findProcedure, processingTime } from './procedure-text';
import { useCatalogue } from './use-catalogue';

export function PrintView({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const paper = i18n.getFixedT('vi');
  const state = useCatalogue();
  const commune = useLiveQuery(() => readCommune(getDb()), []);
  if (state.status !== 'ready') {
    return <p role="status">{state.status === 'failed' ? t('errors.generic', { reason: state.message }) : t('catalogue.search.preparing')}</p>;
  }
  const { catalogue } = state;
  const procedure = findProcedure(catalogue.byCode, code);
  if (!procedure) {
    return (
      <>
        <PageHeader title={t('catalogue.procedure.notFound', { code })} />
        <Link href="~/tra-cuu">{t('catalogue.procedure.back')}</Link>
      </>
    );
  }
  // The app's own address of the procedure: an officer scanning the paper lands on it directly.
  const link = `${window.location.origin}/tra-cuu/${procedure.code}`;
  const fees = feeClauses(procedure.fee);
  return (
    <div className="catalogue-print">
      <div className="actions catalogue-print__toolbar" role="toolbar" aria-label={t('catalogue.print.toolbar')}>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('catalogue.print.print')}
        </button>
        <Link href={`/${procedure.code}`}>{t('catalogue.print.back')}</Link>
      </div>
      <article className="catalogue-sheet" lang="vi">
        <div className="catalogue-sheet__head">
          <div>
            {commune && <p className="catalogue-sheet__unit">{commune.name}</p>}
            <PageHeader title={paper('catalogue.print.title')} intro={procedure.name} />
            <p className="catalogue-sheet__meta">
              {paper('catalogue.facts.code')}: {procedure.code} · {paper('catalogue.facts.field')}: {procedure.field}
            </p>
          </div>
          <figure className="catalogue-sheet__qr">
            <QrCode
              text={link}
              label={paper('catalogue.print.qrLabel', { code: procedure.code })}
              pendingText={t('catalogue.print.qrPending')}
              failedText={t('catalogue.print.qrFailed')}
            />
            <figcaption>{paper('catalogue.print.qrCaption')}</figcaption>
          </figure>
        </div>
        <p>{paper('catalogue.print.intro')}</p>
        <ComponentsTable components={procedure.components} t={paper} checklist />
        <dl className="catalogue-sheet__facts">
          <div>
            <dt>{paper('catalogue.procedure.time')}</dt>
            <dd>{processingTime(procedure, paper)}</dd>
          </div>
          <div>
            <dt>{paper('catalogue.procedure.fees')}</dt>
            <dd>
              {fees.length > 0 ? (
                <ul>
                  {fees.map((clause, i) => (
                    <li key={i}>{clause}</li>
                  ))}
                </ul>
              ) : (
                paper('catalogue.facts.noFee')
              )}
            </dd>
          </div>
        </dl>
        <p className="catalogue-sheet__footer">
          {paper('catalogue.print.footer', {
            version: catalogue.version,
            date: formatCatalogueDate(catalogue.issuedAt),
            today: formatCatalogueDate(new Date().toISOString()),
          })}
        </p>
      </article>
    </div>
  );
}
