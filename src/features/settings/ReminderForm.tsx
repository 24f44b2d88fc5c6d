// Cài đặt → how many hours unsent work may wait before the shell reminds to sync or back up (issue 14 item 4).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '../../db';
import { readReminderHours, writeReminderHours } from '../../db/safekeeping';
import { backupEn } from '../../i18n/backup.en';
import { backupVi } from '../../i18n/backup.vi';

export function ReminderForm() {
  const { i18n } = useTranslation();
  const m = (i18n.language === 'en' ? backupEn : backupVi).reminder;
  const [hours, setHours] = useState<number | undefined>();
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void readReminderHours(getDb()).then(setHours);
  }, []);
  if (hours === undefined) return null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number((event.currentTarget.elements.namedItem('reminderHours') as HTMLInputElement).value);
    await writeReminderHours(getDb(), value);
    const stored = await readReminderHours(getDb());
    setHours(stored);
    setSaved(m.saved.replace('{{hours}}', String(stored)));
  };

  return (
    <section className="card" aria-labelledby="reminder-title">
      <h2 id="reminder-title">{m.title}</h2>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label>
          {m.hours}
          <input name="reminderHours" type="number" min={1} max={720} step={1} defaultValue={hours} required aria-describedby="reminder-hint" />
        </label>
        <p id="reminder-hint">{m.hint}</p>
        <div className="actions">
          <button type="submit">{m.save}</button>
        </div>
        {saved && <p role="status">{saved}</p>}
      </form>
    </section>
  );
}
