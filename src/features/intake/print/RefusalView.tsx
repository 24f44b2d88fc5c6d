// Phiếu từ chối tiếp nhận for a refused dossier, with the reason the officer gave.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getDb, getDossier } from '../../../db';
import { PageHeader } from '../../../shared';
import { PrintFrame, RefusalPaper, paperPerson, paperUnit } from '../../../shared/ui/papers';
import type { DossierData } from '../receive';

export function RefusalView({ id }: { id: string }) {
  const { t } = useTranslation();
  const dossier = useLiveQuery(() => getDossier(getDb(), id), [id]);
  if (dossier === undefined) return <p role="status">…</p>;
  if (!dossier) return <PageHeader title={t('intake.papers.notFound')} />;
  const data = dossier.data as DossierData;
  return (
    <>
      <div className="no-print">
        <PageHeader title={t('intake.papers.refusalTitle')} />
        <Link href="/">{t('intake.papers.backToIntake')}</Link>
      </div>
      <PrintFrame>
        {(size) => (
          <RefusalPaper
            size={size}
            unit={paperUnit(data.commune)}
            applicant={paperPerson(data.intake.applicant)}
            procedure={{ code: data.procedure.code, name: data.procedure.name }}
            reason={data.refusalReason ?? ''}
            officer={{ fullName: data.officer.officerName, phone: data.officer.officerPhone || undefined }}
            issuedAt={dossier.receivedAt}
          />
        )}
      </PrintFrame>
    </>
  );
}
