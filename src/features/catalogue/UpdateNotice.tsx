// Says on the search page when the last catalogue download was refused, and that the catalogue
// in use is unchanged: the officer should know the list may be behind the province's.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDb, readCatalogueUpdate } from '../../db';
import { describeCatalogueUpdate } from '../../shared';

export function UpdateNotice() {
  const { t } = useTranslation();
  const record = useLiveQuery(() => readCatalogueUpdate(getDb()), []);
  return (
    <p role="status" className="catalogue-notice">
      {record?.kind === 'refused' ? describeCatalogueUpdate(record, t) : ''}
    </p>
  );
}
