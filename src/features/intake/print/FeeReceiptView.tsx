// The fee receipt (biên lai thu phí, lệ phí) of a received dossier, and the VietQR block when the
// citizen pays by transfer (recorded as awaiting reconciliation until the bank statement).
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDb, getDossier, readSetting } from '../../../db';
import { PageHeader } from '../../../shared';
import { FeeReceiptPaper, PrintFrame, TransferQr, paperPerson, paperUnit } from '../../../shared/ui/papers';
import type { DossierData } from '../receive';

/** The commune's fee account and receipt series; an administrator sets them in Cài đặt. */
export interface FeeAccount {
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  taxCode: string;
  formSymbol: string;
  serialSymbol: string;
}

// Sample values for the demo commune, clearly not a real account (see the README).
export const DEMO_FEE_ACCOUNT: FeeAccount = {
  bankBin: '970415',
  bankName: 'VietinBank (mẫu)',
  accountNumber: '000000000000',
  accountName: 'UBND XA BAN MAU',
  taxCode: '0000000000',
  formSymbol: '01BLP0-001',
  serialSymbol: 'BM-26P',
};

export function FeeReceiptView({ id }: { id: string }) {
  const { t } = useTranslation();
  const dossier = useLiveQuery(() => getDossier(getDb(), id), [id]);
  const account = useLiveQuery(() => readSetting<FeeAccount>(getDb(), 'feeAccount', DEMO_FEE_ACCOUNT), []);
  if (dossier === undefined || !account) return <p role="status">…</p>;
  if (!dossier) return <PageHeader title={t('intake.papers.notFound')} />;
  const data = dossier.data as DossierData;
  const unit = { ...paperUnit(data.commune), taxCode: account.taxCode, formSymbol: account.formSymbol, serialSymbol: account.serialSymbol };
  return (
    <>
      <div className="no-print">
        <PageHeader title={t('intake.papers.feeTitle')} intro={dossier.code} />
        {data.intake.fees.method === 'transfer' && (
          <TransferQr
            bankBin={account.bankBin}
            bankName={account.bankName}
            accountNumber={account.accountNumber}
            accountName={account.accountName}
            amount={data.fees.total}
            purpose={dossier.code}
          />
        )}
      </div>
      <PrintFrame>
        {(size) => (
          <FeeReceiptPaper
            size={size}
            unit={unit}
            number={dossier.code.slice(-4)}
            lines={data.fees.lines}
            total={data.fees.total}
            payer={paperPerson(data.intake.applicant)}
            dossierCode={dossier.code}
            method={data.intake.fees.method}
            issuedAt={dossier.receivedAt}
            collector={{ fullName: data.officer.officerName }}
          />
        )}
      </PrintFrame>
    </>
  );
}
