// The receiving officer's name and phone, printed later on receipts; saved to the device database.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyDeskProfile, getDb, isQuotaError, readSetting, writeSetting, type DeskProfile } from '../../db';
import { useUnsavedGuard } from '../../shared';

const settingKey = 'deskProfile';

export function DeskProfileForm() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<DeskProfile | undefined>();
  const [draft, setDraft] = useState<DeskProfile>(emptyDeskProfile);
  const [message, setMessage] = useState('');

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
    try {
      await writeSetting(getDb(), settingKey, profile);
      setSaved(profile);
      setDraft(profile);
      setMessage(t('desk.saved'));
    } catch (error) {
      setMessage(isQuotaError(error) ? t('errors.quota') : t('desk.saveFailed', { reason: String(error) }));
    }
  }

  return (
    <form className="card" onSubmit={(e) => void save(e)} aria-labelledby="desk-title">
      <h2 id="desk-title">{t('desk.title')}</h2>
      <label>
        {t('desk.officerName')}
        <input name="officerName" autoComplete="name" value={draft.officerName} onChange={(e) => setDraft({ ...draft, officerName: e.target.value })} />
      </label>
      <label>
        {t('desk.officerPhone')}
        <input
          name="officerPhone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={draft.officerPhone}
          onChange={(e) => setDraft({ ...draft, officerPhone: e.target.value })}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!dirty}>
          {t('desk.save')}
        </button>
        <p role="status">{dirty ? t('desk.unsaved') : message}</p>
      </div>
    </form>
  );
}
