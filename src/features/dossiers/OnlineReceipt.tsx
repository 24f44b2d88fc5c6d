// The receipt and appointment slip (Mẫu 01) of an online submission just received at this desk,
// printable for when the citizen comes; it shows the official code once sync has replaced a provisional one.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getDb, getDossier } from '../../db';
import { PageHeader } from '../../shared';
import { PrintFrame, ReceiptPaper, receiptProps } from '../../shared/ui/papers';

export function OnlineReceipt({ id }: { id: string }) {
  const { t } = useTranslation();
  const dossier = useLiveQuery(() => getDossier(getDb(), id), [id]);
  if (dossier === undefined) return <p role="status">…</p>;
  if (!dossier || dossier.status === 1) return <PageHeader title={t('dossiers.detail.notFound')} />;
  const provisional = dossier.provisionalCode === dossier.code;
  return (
    <>
      <div className="no-print">
        <PageHeader title={t('dossiers.online.receiptTitle', { code: dossier.code })} intro={provisional ? t('dossiers.online.provisional') : undefined} />
        <div className="actions">
          <Link href="/truc-tuyen">{t('dossiers.online.back')}</Link>
          <Link href={`/${dossier.id}`}>{t('dossiers.detail.title', { code: dossier.code })}</Link>
        </div>
      </div>
      <PrintFrame>{(size) => <ReceiptPaper {...receiptProps(dossier, size, window.location.origin)} />}</PrintFrame>
    </>
  );
}
