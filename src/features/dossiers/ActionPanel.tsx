// The actions the state machine allows for this dossier now — and only those. Each opens a short
// form (a reason where one is required, the list of missing papers for Mẫu 02, the papers brought
// for it) and is recorded with the officer's name and role.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { actionNeedsNote, allowedActions, type DossierAction } from '../../domain/dossier';
import {
  deskOfficer,
  emptyDeskProfile,
  getDb,
  isQuotaError,
  readDossierState,
  readSetting,
  type DeskProfile,
  type DossierRow,
  type SupplementItem,
} from '../../db';
import { errorText, useUnsavedGuard } from '../../shared';
import { performDossierAction, supplementCaptureOwner, supplementLines } from './actions';
import { receiveOnlineSubmission } from './online-receipt';
import { displayDateTime } from '../../domain/calendar';
import { SupplementItemsEditor } from './SupplementItemsEditor';
import { SupplementReceiptEditor } from './SupplementReceiptEditor';

export function ActionPanel({ row }: { row: DossierRow }) {
  const { t } = useTranslation();
  const actions = allowedActions(readDossierState(row), 'receptionOfficer');
  // The signed-in officer's name when there is one (the lock screen re-mounts this panel on a switch).
  const officer = useLiveQuery(async () => deskOfficer(await readSetting<DeskProfile>(getDb(), 'deskProfile', emptyDeskProfile)), []);
  const [open, setOpen] = useState<DossierAction | null>(null);
  const [message, setMessage] = useState('');

  return (
    <section className="card no-print" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('dossiers.actions.title')}</h2>
      {actions.length === 0 ? (
        <p>{t('dossiers.actions.none')}</p>
      ) : (
        <div className="actions dossier-actions">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              aria-expanded={open === a}
              className={open === a ? 'primary' : undefined}
              onClick={() => {
                setMessage('');
                setOpen(open === a ? null : a);
              }}
            >
              {t(`dossiers.actions.${a}`)}
            </button>
          ))}
        </div>
      )}
      {officer && (
        <p className="muted">
          {officer.officerName.trim()
            ? t('dossiers.actions.by', { name: officer.officerName, role: t('dossiers.roles.receptionOfficer') })
            : t('dossiers.actions.noOfficer')}
        </p>
      )}
      {open && actions.includes(open) && (
        <ActionForm
          key={open}
          row={row}
          action={open}
          onCancel={() => setOpen(null)}
          onDone={(text) => {
            setOpen(null);
            setMessage(text);
          }}
        />
      )}
      {message && (
        <p role="status" className="ok">
          {message}
        </p>
      )}
    </section>
  );
}

function ActionForm({ row, action, onCancel, onDone }: { row: DossierRow; action: DossierAction; onCancel(): void; onDone(message: string): void }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [note, setNote] = useState('');
  const [items, setItems] = useState<SupplementItem[]>([{ name: '', reason: '' }]);
  const [lineNotes, setLineNotes] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const supplement = action === 'requestSupplement';
  const receipt = action === 'receiveSupplement';
  const captureOwner = supplementCaptureOwner(row.id);
  // A supplement request's reasons are its lines of Mẫu 02 (required below), so its free note stays optional.
  const noteRequired = actionNeedsNote(action) && !supplement;
  const label = t(`dossiers.actions.${action}`);
  useUnsavedGuard(
    `dossiers.action.${row.id}`,
    note.trim() !== '' || items.some((i) => i.name.trim() !== '' || i.reason.trim() !== '') || lineNotes.some((n) => n.trim() !== ''),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError('');
    if (noteRequired && note.trim() === '') return setError(t('dossiers.actions.noteRequired'));
    if (supplement && items.some((i) => i.name.trim() === '' || i.reason.trim() === '')) return setError(t('dossiers.actions.itemsRequired'));
    setBusy(true);
    try {
      // An online submission is received with an official number and its receipt (issue 15), not by a bare move.
      if (action === 'receive' && row.status === 1) {
        const received = await receiveOnlineSubmission(row.id);
        onDone(t('dossiers.actions.done', { action: label }));
        navigate(`/${received.row.id}/giay-tiep-nhan`);
        return;
      }
      const saved = await performDossierAction(row.id, action, {
        note,
        ...(supplement ? { supplementItems: items } : {}),
        ...(receipt ? { supplementReceipt: { captureOwner, notes: lineNotes } } : {}),
      });
      let done = t('dossiers.actions.done', { action: label });
      if (saved.dueAt !== row.dueAt) done += ' ' + t('dossiers.actions.newAppointment', { date: displayDateTime(saved.dueAt) });
      onDone(done);
      if (supplement) navigate(`/${row.id}/mau-02`);
      if (action === 'returnResult') navigate(`/${row.id}/danh-gia`);
    } catch (e) {
      setError(isQuotaError(e) ? t('errors.quota') : t('dossiers.actions.failed', { reason: errorText(e, i18n) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="action-form" onSubmit={(e) => void submit(e)} aria-label={label} noValidate>
      {supplement && (
        <>
          <p className="muted">{t('dossiers.actions.supplementOnce')}</p>
          <SupplementItemsEditor items={items} onChange={setItems} />
        </>
      )}
      {receipt && <SupplementReceiptEditor lines={supplementLines(row)} captureOwner={captureOwner} notes={lineNotes} onNotes={setLineNotes} />}
      <label>
        {noteRequired ? t('dossiers.actions.note') : t('dossiers.actions.noteOptional')}
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          required={noteRequired}
          aria-invalid={error !== '' && noteRequired && note.trim() === ''}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('dossiers.actions.confirm', { action: label })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('dossiers.actions.cancel')}
        </button>
      </div>
    </form>
  );
}
