// The lock screen and the password sign-in (issue 13). While it shows, the app renders nothing
// else: only the device's officers (staff names, never citizens'), the PIN, "Đăng nhập bằng mật
// khẩu" and "Thêm cán bộ". A password sign-in always ends with a new PIN.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MotcuaError } from '../../domain/errors';
import { getDb } from '../../db';
// Imported from its module, not src/db's index: the first screen does not carry the PIN and password work.
import { completePasswordSignIn, isPinFormat, listDeviceOfficers, setOfficerPin, unlockWithPin, type DeviceOfficer } from '../../db/officers';
import { setLanguage } from '../../i18n';
import { errorText } from '../../shared';
import { useAccess } from './access-store';
import { fetchEscrowKey, signInOnline } from './gateway-client';
import { useCurrentOfficer } from './use-officer';

function LockView() {
  const { t, i18n } = useTranslation();
  const show = useAccess((s) => s.show);
  const officers = useLiveQuery(() => listDeviceOfficers(getDb()), []);
  const [chosen, setChosen] = useState<string>();
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const pinBox = useRef<HTMLInputElement>(null);
  const selected: DeviceOfficer | undefined = officers?.find((o) => o.staffId === chosen) ?? (officers?.length === 1 ? officers[0] : undefined);

  async function unlock(event: FormEvent) {
    event.preventDefault();
    setError('');
    if (!selected) return setError(t('signin.chooseOfficer'));
    if (!isPinFormat(pin)) return setError(t('signin.pinFormat'));
    setBusy(true);
    try {
      const answer = await unlockWithPin(getDb(), selected.staffId, pin);
      if (answer.ok) return; // the gate shows the app now
      setPin('');
      if (answer.reason === 'wrongPin') setError(t('signin.wrongPin', { count: answer.triesLeft }));
      else if (answer.reason === 'pinDisabled') setError(t('signin.pinDisabled', { name: selected.fullName }));
      else setError(t('signin.noPin', { name: selected.fullName }));
      pinBox.current?.focus();
    } catch (e) {
      setError(errorText(e, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card access-card" onSubmit={(e) => void unlock(e)} aria-labelledby="access-title" noValidate>
      <h1 id="access-title">{t('signin.lockedTitle')}</h1>
      <p className="muted">{t('signin.lockedHelp')}</p>
      <fieldset className="access-officers">
        <legend>{t('signin.officers')}</legend>
        {officers?.map((o) => (
          <label key={o.staffId} className="checkbox">
            <input
              type="radio"
              name="officer"
              value={o.staffId}
              checked={selected?.staffId === o.staffId}
              onChange={() => {
                setChosen(o.staffId);
                setError('');
                pinBox.current?.focus();
              }}
            />
            {o.fullName}
            {o.pinDisabled && <small> ({t('signin.pinOff')})</small>}
          </label>
        ))}
      </fieldset>
      <label>
        {t('signin.pin')}
        <input
          ref={pinBox}
          // The one thing to type on this screen.
          autoFocus
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          aria-invalid={error !== '' ? true : undefined}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {busy && <p role="status">{t('signin.unlocking')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('signin.unlock')}
        </button>
        <button type="button" onClick={() => show('password', selected?.username)}>
          {t('signin.withPassword')}
        </button>
        <button type="button" onClick={() => show('password')}>
          {t('signin.addOfficer')}
        </button>
      </div>
    </form>
  );
}

function PasswordView() {
  const { t, i18n } = useTranslation();
  const { username: prefilled, show } = useAccess();
  const [username, setUsername] = useState(prefilled);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    setError('');
    setBusy(true);
    try {
      const answer = await signInOnline(username, password);
      if (!answer.ok) {
        const { reason, status, retryAfterSeconds } = answer;
        return setError(t(`signin.errors.${reason}`, { status: status ?? 0, seconds: retryAfterSeconds ?? 60 }));
      }
      // The PIN comes next: asked now, so the screen stays up when the officer becomes the current one.
      show('setPin', username);
      try {
        await completePasswordSignIn(getDb(), answer.signedIn, () => fetchEscrowKey(answer.signedIn.token));
      } catch (e) {
        show('password', username);
        const code = e instanceof MotcuaError ? e.code : '';
        if (code === 'officer.escrow_unavailable') setError(t('signin.errors.escrow', { status: e instanceof MotcuaError ? (e.params?.status ?? 0) : 0 }));
        else if (code === 'officer.escrow_mismatch') setError(t('signin.errors.mismatch'));
        else if (code === 'officer.escrow_bad_answer') setError(t('signin.errors.badAnswer'));
        else setError(errorText(e, i18n));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card access-card" onSubmit={(e) => void signIn(e)} aria-labelledby="access-title" noValidate>
      <h1 id="access-title">{t('signin.passwordTitle')}</h1>
      <p className="muted">{t('signin.passwordHelp')}</p>
      <label>
        {t('signin.username')}
        <input name="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        {t('signin.password')}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {busy && <p role="status">{t('signin.signingIn')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('signin.signIn')}
        </button>
        <button type="button" onClick={() => show(null)} disabled={busy}>
          {t('signin.back')}
        </button>
      </div>
    </form>
  );
}

function SetPinView({ staffId, fullName }: { staffId: string; fullName: string }) {
  const { t, i18n } = useTranslation();
  const show = useAccess((s) => s.show);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError('');
    if (!isPinFormat(pin)) return setError(t('signin.pinFormat'));
    if (pin !== again) return setError(t('signin.pinsDiffer'));
    setBusy(true);
    try {
      await setOfficerPin(getDb(), staffId, pin);
      show(null);
    } catch (e) {
      setError(errorText(e, i18n));
      setBusy(false);
    }
  }

  const digits = (set: (v: string) => void) => (e: { target: { value: string } }) => set(e.target.value.replace(/\D/g, ''));
  return (
    <form className="card access-card" onSubmit={(e) => void save(e)} aria-labelledby="access-title" noValidate>
      <h1 id="access-title">{t('signin.setPinTitle')}</h1>
      <p className="muted">{t('signin.setPinHelp', { name: fullName })}</p>
      <label>
        {t('signin.newPin')}
        <input ref={first} type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={pin} onChange={digits(setPin)} />
      </label>
      <label>
        {t('signin.repeatPin')}
        <input type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={again} onChange={digits(setAgain)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {busy && <p role="status">{t('signin.savingPin')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('signin.savePin')}
        </button>
      </div>
    </form>
  );
}

export function AccessScreen() {
  const { t, i18n } = useTranslation();
  const step = useAccess((s) => s.step);
  const officer = useCurrentOfficer();
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <div className="access-screen">
      <header className="app-header">
        <span className="brand">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </span>
        <div className="header-tools">
          <button type="button" lang={next} onClick={() => void setLanguage(next)} aria-label={`${t('app.language')}: ${t('app.switchTo')}`}>
            {t('app.switchTo')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {step === 'setPin' && officer ? (
          <SetPinView key={officer.staffId} staffId={officer.staffId} fullName={officer.fullName} />
        ) : step !== null ? (
          <PasswordView />
        ) : (
          <LockView />
        )}
      </main>
    </div>
  );
}
