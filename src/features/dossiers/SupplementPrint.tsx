// Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02, Thông tư 01/2018/TT-VPCP) for a received
// dossier, drawn from what the request stored: the papers missing and why, the officer and phone.
// The paper itself is the one renderer intake uses for a draft (src/shared/ui/papers), so the two
// desks print the same form.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getDb, getDossier, readCommune, readDossierData } from '../../db';
import { PageHeader } from '../../shared';
import { PrintFrame, SupplementRequestPaper, paperPerson, paperUnit } from '../../shared/ui/papers';

export function SupplementPrint({ id }: { id: string }) {
  const { t } = useTranslation();
  const loaded = useLiveQuery(async () => {
    const db = getDb();
    const row = (await getDossier(db, id)) ?? null;
    // A dossier pulled from another desk of the commune carries no commune of its own: it is this device's.
    return { row, deviceCommune: await readCommune(db) };
  }, [id]);
  if (loaded === undefined) return <p role="status">…</p>;
  const { row } = loaded;
  const data = row ? readDossierData(row) : undefined;
  const request = data?.supplement;
  const commune = data?.commune ?? loaded.deviceCommune;
  if (!row || !data || !request || !commune) {
    return (
      <>
        <PageHeader title={t('dossiers.paper.title')} />
        <p>{t('dossiers.paper.none')}</p>
        <Link href={`/${id}`}>{t('dossiers.paper.back')}</Link>
      </>
    );
  }
  // A dossier pulled from another desk may lack the intake form; its row still names the citizen.
  const applicant = data.intake?.applicant ? paperPerson(data.intake.applicant) : { fullName: row.applicantName };
  return (
    <>
      <div className="no-print">
        <PageHeader title={t('dossiers.paper.title')} />
        <Link href={`/${id}`}>{t('dossiers.paper.back')}</Link>
      </div>
      <PrintFrame>
        {(size) => (
          <SupplementRequestPaper
            size={size}
            unit={paperUnit(commune)}
            dossierCode={row.code}
            applicant={applicant}
            procedure={{ code: row.procedureCode, name: row.procedureName }}
            missing={request.items}
            officer={{ fullName: request.officer.officerName, phone: request.officer.officerPhone || undefined }}
            issuedAt={request.requestedAt}
          />
        )}
      </PrintFrame>
    </>
  );
}
