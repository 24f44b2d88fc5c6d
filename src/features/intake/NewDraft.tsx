// /tiep-nhan/moi/:code — starts a draft for a procedure (from the catalogue's "Tiếp nhận" button
// or the picker) and opens it; the draft keeps the procedure as the catalogue has it now.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { newDraftData } from '../../domain/intake';
import { createDraft, getDb, isQuotaError } from '../../db';
import { PageHeader } from '../../shared';
import { useCurrentCatalogue } from './use-catalogue';

export function NewDraft({ code }: { code: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const catalogue = useCurrentCatalogue();
  const [error, setError] = useState('');
  const procedure = catalogue?.procedures.find((p) => p.code === code);

  useEffect(() => {
    if (!catalogue || !procedure) return;
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    createDraft(getDb(), {
      id,
      procedureCode: code,
      procedure,
      step: 'applicant',
      data: newDraftData(procedure, catalogue.version),
      createdAt: now,
      updatedAt: now,
    }).then(
      () => navigate(`/nhap/${id}`, { replace: true }),
      (e: unknown) => setError(isQuotaError(e) ? t('errors.quota') : t('errors.generic', { reason: String(e) })),
    );
    // One draft per visit of this address: the effect must not run again for the same procedure.
  }, [catalogue, procedure, code, navigate, t]);

  if (catalogue === undefined) return <p role="status">…</p>;
  if (!procedure) return <PageHeader title={t('intake.page.title')} intro={t('intake.draft.procedureMissing', { code })} />;
  return error ? <p role="alert">{error}</p> : <p role="status">…</p>;
}
