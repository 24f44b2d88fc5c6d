// A procedure's page: what to bring (papers, originals and copies, required or when), how long
// it takes, what it costs and who is exempt, its legal basis and forms; from here the officer
// prints the citizen's checklist or starts receiving a dossier (on a community team's tablet: filing
// one online for a villager, issue 15).
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getDb, readDeviceRole } from '../../db';
import { PageHeader } from '../../shared';
import { ComponentsTable } from './ComponentsTable';
import { feeClauses, findProcedure, formsOf, processingTime } from './procedure-text';
import { useCatalogue } from './use-catalogue';

export function ProcedureView({ code }: { code: string }) {
  const { t } = useTranslation();
  const state = useCatalogue();
  const team = useLiveQuery(() => readDeviceRole(getDb()), []) === 'team';
  if (state.status !== 'ready') {
    return <p role="status">{state.status === 'failed' ? t('errors.generic', { reason: state.message }) : t('catalogue.search.preparing')}</p>;
  }
  const procedure = findProcedure(state.catalogue.byCode, code);
  if (!procedure) {
    return (
      <>
        <PageHeader title={t('catalogue.procedure.notFound', { code })} />
        <Link href="~/tra-cuu">{t('catalogue.procedure.back')}</Link>
      </>
    );
  }
  const fees = feeClauses(procedure.fee);
  const forms = formsOf(procedure);
  return (
    <article className="catalogue-procedure">
      <PageHeader title={procedure.name} intro={`${procedure.code} · ${procedure.field}`} />
      <nav className="actions catalogue-procedure__actions" aria-label={t('catalogue.procedure.actions')}>
        <Link href="~/tra-cuu">{t('catalogue.procedure.back')}</Link>
        <Link href={`/${procedure.code}/in`} className="button">
          {t('catalogue.procedure.print')}
        </Link>
        <Link href={team ? `~/nop-ho-so/moi/${procedure.code}` : `~/tiep-nhan/moi/${procedure.code}`} className="button primary">
          {t(team ? 'catalogue.procedure.startOnline' : 'catalogue.procedure.start')}
        </Link>
      </nav>
      {procedure.inferred && <p className="warning">{t('catalogue.procedure.inferred')}</p>}

      <section aria-labelledby="procedure-time">
        <h2 id="procedure-time">{t('catalogue.procedure.time')}</h2>
        <p className="catalogue-procedure__time">{processingTime(procedure, t)}</p>
        {procedure.processingText && (
          <p className="catalogue-procedure__note">
            {t('catalogue.procedure.timeAsPublished')}: {procedure.processingText}
          </p>
        )}
        {procedure.level && (
          <p className="catalogue-procedure__note">
            {t('catalogue.procedure.level')}: {procedure.level}
          </p>
        )}
      </section>

      <section aria-labelledby="procedure-components">
        <h2 id="procedure-components">{t('catalogue.procedure.components')}</h2>
        {procedure.components.length > 0 ? (
          <div className="catalogue-table-scroll">
            <ComponentsTable components={procedure.components} t={t} labelledBy="procedure-components" />
          </div>
        ) : (
          <p>{t('catalogue.procedure.noComponents')}</p>
        )}
      </section>

      <section aria-labelledby="procedure-fees">
        <h2 id="procedure-fees">{t('catalogue.procedure.fees')}</h2>
        {fees.length > 0 ? (
          <ul>
            {fees.map((clause, i) => (
              <li key={i}>{clause}</li>
            ))}
          </ul>
        ) : (
          <p>{t('catalogue.facts.noFee')}</p>
        )}
      </section>

      {procedure.conditions && (
        <section aria-labelledby="procedure-conditions">
          <h2 id="procedure-conditions">{t('catalogue.procedure.conditions')}</h2>
          <p>{procedure.conditions}</p>
        </section>
      )}

      <section aria-labelledby="procedure-forms">
        <h2 id="procedure-forms">{t('catalogue.procedure.forms')}</h2>
        {forms.length > 0 ? (
          <ul>
            {forms.map((form, i) => (
              <li key={i}>{form.name}</li>
            ))}
          </ul>
        ) : (
          <p>{t('catalogue.procedure.noForms')}</p>
        )}
      </section>

      <section aria-labelledby="procedure-legal">
        <h2 id="procedure-legal">{t('catalogue.procedure.legalBasis')}</h2>
        <ul>
          {procedure.legalBasis.map((basis, i) => (
            <li key={i}>{basis}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
