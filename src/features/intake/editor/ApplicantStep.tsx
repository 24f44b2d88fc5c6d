// Step 1: who hands in the dossier and whom it is about. The ID card's QR fills the fields.
import { useTranslation } from 'react-i18next';
import type { IntakeDraftData, IntakeIssue } from '../../../domain/intake';
import { PersonFields } from '../../../shared';
import { CardReader } from './CardReader';

interface Props {
  data: IntakeDraftData;
  issues: IntakeIssue[];
  update(change: (data: IntakeDraftData) => IntakeDraftData): void;
}

export function ApplicantStep({ data, issues, update }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="card">
        <legend>{t('intake.person.applicant')}</legend>
        <CardReader onRead={(person) => update((d) => ({ ...d, applicant: { ...d.applicant, ...person } }))} />
        <PersonFields prefix="applicant" person={data.applicant} issues={issues} onChange={(applicant) => update((d) => ({ ...d, applicant }))} />
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={data.ownerIsApplicant} onChange={(e) => update((d) => ({ ...d, ownerIsApplicant: e.target.checked }))} />
        {t('intake.person.ownerIsApplicant')}
      </label>
      {!data.ownerIsApplicant && (
        <fieldset className="card">
          <legend>{t('intake.person.owner')}</legend>
          <PersonFields prefix="owner" person={data.owner} issues={issues} onChange={(owner) => update((d) => ({ ...d, owner }))} />
        </fieldset>
      )}
    </>
  );
}
