// Đánh giá mức độ hài lòng: a whole-screen page the officer turns toward the citizen (tablet or
// laptop): three large answers, a reason required for "Không hài lòng", then thanks. It is a modal
// dialog, so the rest of the app is inert behind it while the citizen holds the device; leaving it
// locks the app (issue 13), so the way back from the citizen's hands is an officer's PIN.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SATISFACTION_VALUES, type SatisfactionValue } from '../../domain/satisfaction';
import { getDb, getDossier, lockDevice, readDossierData } from '../../db';
import { errorText, useUnsavedGuard } from '../../shared';
import { rateDossier } from './actions';

/** Satisfaction screens on screen now: StrictMode mounts one twice, and only the last to leave locks. */
let open = 0;

/** Locks as the screen goes, however it goes (its links, the browser's back): a no-op on a device without officers. */
function useLockWhenClosed() {
  useEffect(() => {
    open += 1;
    return () => {
      open -= 1;
      setTimeout(() => open === 0 && lockDevice(), 0);
    };
  }, []);
}

export function SatisfactionScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const row = useLiveQuery(async () => (await getDossier(getDb(), id)) ?? null, [id]);
  const [value, setValue] = useState<SatisfactionValue>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [sent, setSent] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const ready = row !== undefined;
  useLockWhenClosed();
  useEffect(() => {
    if (!ready || !dialog.current || dialog.current.open) return;
    dialog.current.showModal();
    heading.current?.focus();
  }, [ready]);
  useEffect(() => {
    if (value === 'bad') reasonBox.current?.focus();
  }, [value]);
  const rated = row ? readDossierData(row).rating : undefined;
  // The citizen's answer, chosen or typed but not yet sent, is input an update must not reload away.
  useUnsavedGuard(`dossiers.rating:${id}`, !sent && !rated && (value !== undefined || reason.trim() !== ''));

  if (row === undefined) return <p role="status">…</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError('');
    if (!value) return;
    if (value === 'bad' && reason.trim() === '') return setError(t('dossiers.rating.reasonRequired'));
    try {
      await rateDossier(id, value, reason);
      setSent(true);
    } catch (e) {
      setError(errorText(e, i18n));
    }
  }

  return (
    // Escape must not dismiss it under the citizen's hand; the officer has the "skip" link.
    <dialog ref={dialog} className="rating-screen" aria-labelledby="rating-title" onCancel={(e) => e.preventDefault()}>
      <h1 id="rating-title" ref={heading} tabIndex={-1}>
        {t('dossiers.rating.title')}
      </h1>
      {sent || rated ? (
        <div className="rating-thanks">
          <p role="status">{t('dossiers.rating.thanks')}</p>
          <Link href={`/${id}`} className="button primary">
            {t('dossiers.rating.done')}
          </Link>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p className="rating-question">{t('dossiers.rating.question', { code: row?.code ?? '' })}</p>
          <div className="rating-choices" role="group" aria-label={t('dossiers.rating.title')}>
            {SATISFACTION_VALUES.map((v) => (
              <button key={v} type="button" className={`rating-choice rating-${v}`} aria-pressed={value === v} onClick={() => setValue(v)}>
                {t(`dossiers.rating.${v}`)}
              </button>
            ))}
          </div>
          {value === 'bad' && (
            <label className="rating-reason">
              {t('dossiers.rating.reason')}
              <textarea ref={reasonBox} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required aria-invalid={error !== ''} />
            </label>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="actions rating-actions">
            <button type="submit" className="primary rating-submit" disabled={!value}>
              {t('dossiers.rating.submit')}
            </button>
            <Link href={`/${id}`}>{t('dossiers.rating.skip')}</Link>
          </div>
        </form>
      )}
    </dialog>
  );
}
