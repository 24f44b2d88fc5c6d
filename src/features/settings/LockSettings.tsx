// Tự khóa máy: the minutes without input after which the app locks (issue 13; 5 by default).
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb, readLockAfterMinutes, writeLockAfterMinutes } from '../../db';
import { errorText } from '../../shared';

export function LockSettings() {
  const { t, i18n } = useTranslation();
  const stored = useLiveQuery(() => readLockAfterMinutes(getDb()), []);
  const [typed, setTyped] = useState<string>();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const value = typed ?? (stored === undefined ? '' : String(stored));

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    setError('');
    const minutes = Number(value);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) return setError(t('settings.lock.invalid'));
    try {
      await writeLockAfterMinutes(getDb(), minutes);
      setTyped(undefined);
      setMessage(t('settings.lock.saved', { count: minutes }));
    } catch (e) {
      setError(errorText(e, i18n));
    }
  }

  return (
    <form className="card" onSubmit={(e) => void save(e)} aria-labelledby="lock-title" noValidate>
      <h2 id="lock-title">{t('settings.lock.title')}</h2>
      <p className="muted">{t('settings.lock.intro')}</p>
      <label>
        {t('settings.lock.minutes')}
        <input type="number" inputMode="numeric" min={1} max={240} step={1} value={value} onChange={(e) => setTyped(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      <div className="actions">
        <button type="submit">{t('settings.lock.save')}</button>
      </div>
    </form>
  );
}
