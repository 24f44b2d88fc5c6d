// Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) for an incomplete draft: the citizen takes
// it home; the draft stays on the device so the intake continues when the papers arrive.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Procedure } from '../../../domain/catalogue';
import type { IntakeDraftData, IntakeValidation } from '../../../domain/intake';
import { deskOfficer, emptyDeskProfile, getDb, getDraft, listAttachments, readCommune, readSetting, type DeskProfile } from '../../../db';
import { PageHeader } from '../../../shared';
import { validateIntakeInWorker } from '../../../../workers/validation.client';
import { PrintFrame, SupplementRequestPaper } from '../../../shared/ui/papers';
import { supplementProps } from './paper-props';

export function SupplementView({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const loaded = useLiveQuery(async () => {
    const db = getDb();
    const draft = await getDraft(db, draftId);
    const commune = await readCommune(db);
    const officer = deskOfficer(await readSetting<DeskProfile>(db, 'deskProfile', emptyDeskProfile));
    const attachments = await listAttachments(db, draftId);
    return { draft, commune, officer, scanned: new Set(attachments.map((a) => a.componentIndex)) };
  }, [draftId]);
  const [validation, setValidation] = useState<IntakeValidation>();
  useEffect(() => {
    if (!loaded?.draft) return;
    void validateIntakeInWorker(loaded.draft.data as IntakeDraftData, loaded.draft.procedure as Procedure, loaded.scanned).then(setValidation);
  }, [loaded]);
  if (!loaded || (loaded.draft && !validation)) return <p role="status">…</p>;
  if (!loaded.draft || !loaded.commune || !validation) return <PageHeader title={t('intake.draft.notFound')} />;
  const { draft, commune, officer } = loaded;
  return (
    <>
      <div className="no-print">
        <PageHeader title={t('intake.papers.supplementTitle')} />
        <Link href={`/nhap/${draftId}`}>{t('intake.home.resume')}</Link>
      </div>
      <PrintFrame>
        {(size) => (
          <SupplementRequestPaper {...supplementProps(draft.data as IntakeDraftData, draft.procedure as Procedure, validation, commune, officer, size)} />
        )}
      </PrintFrame>
    </>
  );
}
