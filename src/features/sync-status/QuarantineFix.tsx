// The fix of a dossier the gateway refused: its people (người nộp, chủ hồ sơ), where refusals of
// a receipt name the field at fault, corrected against the same checks as at intake and the
// gateway's own limits, then the dossier sent again carrying the correction.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyPerson, peopleIssues, type IntakeDraftData, type IntakeIssue, type PersonEntry } from '../../domain/intake';
import { correctRefusedDossier, getDb, type DossierPeople, type OutboxEntry } from '../../db';
import { errorText, PersonFields, refusalText, useUnsavedGuard } from '../../shared';
import { syncNow } from '../../sync';

/** The people the refused receipt carries, as the form starts from. */
export function peopleOf(entry: OutboxEntry): DossierPeople | null {
  const intake = (entry.payload as { data?: { intake?: Partial<IntakeDraftData> } } | null)?.data?.intake;
  if (!intake?.applicant) return null;
  return {
    applicant: { ...emptyPerson, ...intake.applicant },
    ownerIsApplicant: intake.ownerIsApplicant !== false,
    owner: { ...emptyPerson, ...intake.owner },
  };
}

/** Spaces the officer or a paste left at either end are not part of the value sent. */
const trimmed = (person: PersonEntry): PersonEntry =>
  Object.fromEntries(Object.entries(person).map(([key, value]) => [key, value.trim()])) as unknown as PersonEntry;

export function QuarantineFix({ entry, code, onClose }: { entry: OutboxEntry; code: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [initial] = useState(() => peopleOf(entry));
  const [people, setPeople] = useState(initial);
  const [issues, setIssues] = useState<IntakeIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(people) !== JSON.stringify(initial);
  useUnsavedGuard(`sync.fix:${entry.entityId}`, dirty);
  if (!people) return <p className="error">{t('sync.fix.nothing')}</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: DossierPeople = { ...people!, applicant: trimmed(people!.applicant), owner: trimmed(people!.owner) };
    // The intake's own checks, which hold the gateway's length limits too (person-limits.ts): what passes here is taken there.
    const found = peopleIssues(next);
    setIssues(found);
    setFailure(null);
    if (found.length > 0) return; // nothing is written while anything is wrong
    setSaving(true);
    try {
      await correctRefusedDossier(getDb(), entry.entityId, next);
      setPeople(next);
      onClose();
      void syncNow();
    } catch (error) {
      setFailure(errorText(error, i18n));
      setSaving(false);
    }
  }

  return (
    <form className="card quarantine-fix" aria-label={t('sync.fix.title', { code })} onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('sync.fix.title', { code })}</h3>
      <p className="error">{t('sync.fix.reason', { reason: refusalText({ reason: entry.lastError ?? '', code: entry.lastErrorCode }, i18n) })}</p>
      <fieldset>
        <legend>{t('sync.fix.applicant')}</legend>
        <PersonFields prefix="applicant" person={people.applicant} issues={issues} onChange={(applicant) => setPeople({ ...people, applicant })} />
      </fieldset>
      {!people.ownerIsApplicant && (
        <fieldset>
          <legend>{t('sync.fix.owner')}</legend>
          <PersonFields prefix="owner" person={people.owner} issues={issues} onChange={(owner) => setPeople({ ...people, owner })} />
        </fieldset>
      )}
      {issues.length > 0 && (
        <p role="alert" className="error">
          {t('sync.fix.invalid')}
        </p>
      )}
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('sync.fix.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('sync.fix.cancel')}
        </button>
      </div>
    </form>
  );
}
