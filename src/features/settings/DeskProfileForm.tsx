// The receiving officer's name and phone, printed later on receipts; saved to the device database.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyDeskProfile, getDb, isQuotaError, readSetting, writeSetting, type DeskProfile } from '../../db';
import { validateVietnamesePhone } from '../../domain/citizen';
import { OFFICER_FIELD_MAX } from '../../domain/intake';
import { useUnsavedGuard } from '../../shared';

const settingKey = 'deskProfile';

export function DeskProfileForm() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<DeskProfile | undefined>();
  const [draft, setDraft] = useState<DeskProfile>(emptyDeskProfile);
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<{ officerName?: string; officerPhone?: string }>({});

  useEffect(() => {
    void readSetting(getDb(), settingKey, emptyDeskProfile).then((profile) => {
      setSaved(profile);
      setDraft(profile);
    });
  }, []);

  const dirty = saved !== undefined && (draft.officerName !== saved.officerName || draft.officerPhone !== saved.officerPhone);
  useUnsavedGuard('settings.deskProfile', dirty);

  async function save(event: FormEvent) {
    event.preventDefault();
    const profile = { officerName: draft.officerName.trim().normalize('NFC'), officerPhone: draft.officerPhone.trim() };
    // Both go with every dossier and move to the gateway, which takes no longer ones: refused here
    // rather than cut (a cut phone is a wrong number). A phone must be one: it is printed to be called.
    const phone = profile.officerPhone === '' ? null : validateVietnamesePhone(profile.officerPhone);
    const found = {
      ...(profile.officerName.length > OFFICER_FIELD_MAX.officerName
        ? { officerName: t('settings.desk.tooLong', { length: profile.officerName.length, max: OFFICER_FIELD_MAX.officerName }) }
        : {}),
      ...(profile.officerPhone.length > OFFICER_FIELD_MAX.officerPhone
        ? { officerPhone: t('settings.desk.tooLong', { length: profile.officerPhone.length, max: OFFICER_FIELD_MAX.officerPhone }) }
        : phone && !phone.ok
          ? { officerPhone: t('settings.desk.phoneInvalid', { reason: phone.errors[0]?.message ?? '' }) }
          : {}),
    };
    setProblems(found);
    if (found.officerName || found.officerPhone) {
      setMessage('');
      return; // nothing saved while a box is wrong
    }
    try {
      await writeSetting(getDb(), settingKey, profile);
      setSaved(profile);
      setDraft(profile);
      setMessage(t('settings.desk.saved'));
    } catch (error) {
      setMessage(isQuotaError(error) ? t('errors.quota') : t('settings.desk.saveFailed', { reason: String(error) }));
    }
  }

  return (
    <form className="card" onSubmit={(e) => void save(e)} aria-labelledby="desk-title">
      <h2 id="desk-title">{t('settings.desk.title')}</h2>
      <label>
        {t('settings.desk.officerName')}
        <input
          name="officerName"
          autoComplete="name"
          value={draft.officerName}
          aria-invalid={problems.officerName ? true : undefined}
          aria-describedby={problems.officerName ? 'officerName-error' : undefined}
          onChange={(e) => setDraft({ ...draft, officerName: e.target.value })}
        />
        {problems.officerName && (
          <span id="officerName-error" className="field-error">
            {problems.officerName}
          </span>
        )}
      </label>
      <label>
        {t('settings.desk.officerPhone')}
        <input
          name="officerPhone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={draft.officerPhone}
          aria-invalid={problems.officerPhone ? true : undefined}
          aria-describedby={problems.officerPhone ? 'officerPhone-error' : undefined}
          onChange={(e) => setDraft({ ...draft, officerPhone: e.target.value })}
        />
        {problems.officerPhone && (
          <span id="officerPhone-error" className="field-error">
            {problems.officerPhone}
          </span>
        )}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!dirty}>
          {t('settings.desk.save')}
        </button>
        <p role="status">{problems.officerName || problems.officerPhone ? t('settings.desk.notSaved') : dirty ? t('settings.desk.unsaved') : message}</p>
      </div>
    </form>
  );
}
