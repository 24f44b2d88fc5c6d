// The receipt and appointment slip of a received dossier, ready to print on A4 or A5.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getDb, getDossier } from '../../../db';
import { PageHeader } from '../../../shared';
import { PrintFrame, ReceiptPaper } from '../../../shared/ui/papers';
import type { DossierData } from '../receive';
import { receiptProps } from './paper-props';

export function ReceiptView({ id }: { id: string }) {
  const { t } = useTranslation();
  const dossier = useLiveQuery(() => getDossier(getDb(), id), [id]);
  if (dossier === undefined) return <p role="status">…</p>;
  if (!dossier) return <PageHeader title={t('intake.papers.notFound')} />;
  const provisional = dossier.provisionalCode === dossier.code;
  const data = dossier.data as DossierData;
  return (
    <>
      <div className="no-print">
        <PageHeader title={t('intake.done.title', { code: dossier.code })} intro={provisional ? t('intake.done.provisional') : undefined} />
        <div className="actions">
          <Link href="/">{t('intake.done.another')}</Link>
          {data.fees.total > 0 && <Link href={`/bien-lai/${dossier.id}`}>{t('intake.done.printFeeReceipt')}</Link>}
        </div>
      </div>
      <PrintFrame>{(size) => <ReceiptPaper {...receiptProps(dossier, size, window.location.origin)} />}</PrintFrame>
    </>
  );
}
