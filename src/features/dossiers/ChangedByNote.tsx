// "Cập nhật từ máy chủ: <tên> lúc …": the dossier last changed at another desk, and by whom, so an
// officer is not surprised by a status they did not set (the processing log has the details).
import { useTranslation } from 'react-i18next';
import type { DossierChangedBy } from '../../db';
import { displayDateTime } from '../../domain/calendar';

export function ChangedByNote({ by }: { by: DossierChangedBy }) {
  const { t } = useTranslation();
  const name = by.name?.trim() || t('dossiers.detail.changedBySomeone');
  return <p className="changed-by no-print">{t('dossiers.detail.changedBy', { name, time: displayDateTime(by.at) })}</p>;
}
