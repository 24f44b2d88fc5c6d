// The dossier's papers as a table: how many originals and copies, and whether each is required
// or when it is needed. Used on screen and, with a tick column, on the printed checklist.
import type { TFunction } from 'i18next';
import type { ProcedureComponent } from '../../domain/catalogue';
import { componentNeed, countOf } from './procedure-text';

interface ComponentsTableProps {
  components: readonly ProcedureComponent[];
  /** The language of the table (the printed checklist is always Vietnamese). */
  t: TFunction;
  /** Adds the number and an empty box to tick, for the printed checklist. */
  checklist?: boolean;
  labelledBy?: string;
}

export function ComponentsTable({ components, t, checklist = false, labelledBy }: ComponentsTableProps) {
  return (
    <table className="catalogue-components" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {checklist && <th scope="col">{t('catalogue.print.ready')}</th>}
          {checklist && <th scope="col">{t('catalogue.print.number')}</th>}
          <th scope="col">{t('catalogue.procedure.paper')}</th>
          <th scope="col">{t('catalogue.procedure.originals')}</th>
          <th scope="col">{t('catalogue.procedure.copies')}</th>
          <th scope="col">{t('catalogue.procedure.need')}</th>
        </tr>
      </thead>
      <tbody>
        {components.map((component, i) => (
          <tr key={i} className={component.required ? undefined : 'catalogue-components__optional'}>
            {checklist && (
              <td className="catalogue-components__tick">
                <span className="catalogue-box" aria-hidden="true" />
              </td>
            )}
            {checklist && <td className="catalogue-components__number">{i + 1}</td>}
            <td>
              {component.name}
              {component.inferred && <span className="catalogue-unconfirmed"> {t('catalogue.procedure.unconfirmed')}</span>}
            </td>
            <td className="catalogue-components__count">{countOf(component.original)}</td>
            <td className="catalogue-components__count">{countOf(component.copies)}</td>
            <td>{componentNeed(component, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
