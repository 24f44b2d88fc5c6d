// Kích hoạt thiết bị: the device trades a one-time code for its identity and token. Once enrolled
// the card shows the commune and the device's name; when the gateway stops accepting the token
// (pump state needsSignIn: revoked or expired) it asks again, with the data on the device intact.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_KEY, getDb, readCommune, readDeviceToken, readSetting, type DeviceIdentity } from '../../db';
import { useUnsavedGuard } from '../../shared';
import { enrolDevice, usePump } from '../../sync';
import { displayDateTime } from '../../domain/calendar';

function useEnrolment() {
  return useLiveQuery(async () => {
    const db = getDb();
    const [token, device, commune] = await Promise.all([
      readDeviceToken(db),
      readSetting<DeviceIdentity | undefined>(db, DEVICE_KEY, undefined),
      readCommune(db),
    ]);
    return { enrolled: Boolean(token && device?.enrolledAt), device, commune };
  }, []);
}

export function EnrolmentCard() {
  const { t } = useTranslation();
  const state = useEnrolment();
  const needsSignIn = usePump((s) => s.state === 'needsSignIn');
  const [reEnrolling, setReEnrolling] = useState(false);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const formShown = Boolean(state && (!state.enrolled || needsSignIn || reEnrolling));
  // A code or name typed (or an enrolment on its way) is work a reload would lose.
  useUnsavedGuard('sync.enrolment', formShown && (busy || code.trim() !== '' || name.trim() !== ''));

  if (!state) return null;
  const { enrolled, device, commune } = state;
  const showForm = !enrolled || needsSignIn || reEnrolling;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    setDone(false);
    try {
      const result = await enrolDevice(code, name);
      if (result.ok) {
        setDone(true);
        setReEnrolling(false);
        setCode('');
      } else {
        setError(t(`device.errors.${result.reason}`, { status: result.status ?? '' }));
      }
    } catch (failure) {
      setError(t('errors.generic', { reason: String(failure) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card enrolment" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('device.title')}</h2>
      {enrolled && device && (
        <>
          <p>{t('device.enrolled', { name: device.name ?? device.short, commune: commune?.name ?? '—' })}</p>
          <p className="muted">{t('device.enrolledAt', { time: displayDateTime(device.enrolledAt), short: device.short })}</p>
        </>
      )}
      {!enrolled && <p>{t('device.notEnrolled')}</p>}
      {enrolled && needsSignIn && (
        <p className="error" role="alert">
          {t('device.needsSignIn')}
        </p>
      )}
      {done && <p role="status">{t('device.done')}</p>}
      {showForm ? (
        <form onSubmit={(e) => void submit(e)} aria-labelledby="enrol-title">
          <label>
            {t('device.code')}
            <input
              name="enrolCode"
              autoComplete="off"
              autoCapitalize="characters"
              value={code}
              aria-describedby="enrol-hint"
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <p id="enrol-hint" className="muted">
            {t('device.demoHint')}
          </p>
          <label>
            {t('device.name')}
            <input name="deviceName" autoComplete="off" placeholder={t('device.namePlaceholder')} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('device.submitting') : t('device.submit')}
            </button>
            {enrolled && reEnrolling && (
              <button type="button" onClick={() => setReEnrolling(false)}>
                {t('device.cancel')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setReEnrolling(true)}>
            {t('device.reEnrol')}
          </button>
        </div>
      )}
    </section>
  );
}
