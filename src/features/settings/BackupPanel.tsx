// Cài đặt → "Sao lưu ra tệp" and "Nhập từ tệp" (issue 14): the officer carries the unsynced work on
// a USB stick. It comes with the settings page (itself loaded on first need), never with the first screen.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { backupEn } from '../../i18n/backup.en';
import { backupVi } from '../../i18n/backup.vi';
import { formatBytes } from '../../shared';
import { backupErrorCode, chooseBackupTarget, exportUnsynced, importBackup } from './backup-file';

/** Long enough that a guess costs years at 600,000 PBKDF2 rounds a try, short enough to type on a desk. */
export const MIN_PASSPHRASE = 10;

type Status = { kind: 'idle' } | { kind: 'busy'; text: string; share?: number } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/** {{name}} placeholders filled, as i18next would: the panel's words are its own small files, not in the first screen's messages. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

export function BackupPanel() {
  const { i18n } = useTranslation();
  const m = i18n.language === 'en' ? backupEn : backupVi;
  const [exportStatus, setExportStatus] = useState<Status>({ kind: 'idle' });
  const [importStatus, setImportStatus] = useState<Status>({ kind: 'idle' });
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    // The shell's notices link here ("Sao lưu ra tệp"): bring the panel into view.
    if (location.hash === '#sao-luu') section.current?.scrollIntoView({ block: 'start' });
  }, []);
  const reason = (error: unknown) => {
    const code = backupErrorCode(error);
    return (code && m.errors[code]) || (error instanceof Error ? error.message : String(error));
  };

  const onExport = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const passphrase = (form.elements.namedItem('passphrase') as HTMLInputElement).value;
    const again = (form.elements.namedItem('passphraseAgain') as HTMLInputElement).value;
    const kind = (form.elements.namedItem('backupKind') as RadioNodeList).value === 'full' ? 'full' : 'unsynced';
    if (passphrase.length < MIN_PASSPHRASE) return setExportStatus({ kind: 'error', text: fill(m.tooShort, { min: MIN_PASSPHRASE }) });
    if (passphrase !== again) return setExportStatus({ kind: 'error', text: m.mismatch });
    const target = await chooseBackupTarget();
    // Closing the picker is a choice, not a failure: said plainly, so the officer knows no file was made.
    if (!target) return setExportStatus({ kind: 'done', text: m.exportCancelled });
    setExportStatus({ kind: 'busy', text: m.deriving });
    try {
      const done = await exportUnsynced(
        passphrase,
        target,
        (share) => setExportStatus({ kind: 'busy', text: fill(m.exporting, { percent: Math.round(share * 100) }), share }),
        undefined,
        kind,
      );
      form.reset();
      const values = { entries: done.entries, dossiers: done.dossiers, files: done.files, name: done.name, size: formatBytes(done.bytes, i18n.language) };
      if (kind === 'full') return setExportStatus({ kind: 'done', text: fill(m.exportedFull, values) });
      const summary = fill(m.exported, values);
      setExportStatus({ kind: 'done', text: done.entries === 0 ? `${summary} ${m.nothingToExport}` : summary });
    } catch (error) {
      setExportStatus({ kind: 'error', text: fill(m.exportFailed, { reason: reason(error) }) });
    }
  };

  const onImport = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const chosen = (form.elements.namedItem('backupFile') as HTMLInputElement).files?.[0];
    const passphrase = (form.elements.namedItem('importPassphrase') as HTMLInputElement).value;
    if (!chosen) return setImportStatus({ kind: 'error', text: m.chooseFile });
    setImportStatus({ kind: 'busy', text: m.importing });
    try {
      const report = await importBackup(chosen, passphrase);
      form.reset();
      const added = report.entries + report.dossiers + report.drafts + report.files + report.processingLog;
      setImportStatus({ kind: 'done', text: added === 0 ? m.importedNothing : fill(m.imported, { ...report }) });
      // Not syncNow: importing src/sync here splits the first screen's chunks (+400 bytes); the pump's minute timer sends them.
    } catch (error) {
      setImportStatus({ kind: 'error', text: fill(m.failed, { reason: reason(error) }) });
    }
  };

  return (
    <section className="card" id="sao-luu" ref={section} aria-labelledby="backup-title">
      <h2 id="backup-title">{m.title}</h2>
      <p>{m.intro}</p>
      <form onSubmit={(e) => void onExport(e)} aria-labelledby="backup-export-title">
        <h3 id="backup-export-title">{m.exportTitle}</h3>
        <fieldset>
          <legend>{m.kindLegend}</legend>
          <label>
            <input type="radio" name="backupKind" value="unsynced" defaultChecked />
            {m.kindUnsynced}
          </label>
          <label>
            <input type="radio" name="backupKind" value="full" />
            {m.kindFull}
          </label>
        </fieldset>
        <label>
          {m.passphrase}
          <input name="passphrase" type="password" autoComplete="new-password" minLength={MIN_PASSPHRASE} required aria-describedby="backup-passphrase-hint" />
        </label>
        <label>
          {m.passphraseAgain}
          <input name="passphraseAgain" type="password" autoComplete="new-password" required />
        </label>
        <p id="backup-passphrase-hint">{fill(m.passphraseHint, { min: MIN_PASSPHRASE })}</p>
        <div className="actions">
          <button type="submit" className="primary" disabled={exportStatus.kind === 'busy'}>
            {m.exportButton}
          </button>
        </div>
        <StatusLine status={exportStatus} />
      </form>
      <form onSubmit={(e) => void onImport(e)} aria-labelledby="backup-import-title">
        <h3 id="backup-import-title">{m.importTitle}</h3>
        <label>
          {m.file}
          <input name="backupFile" type="file" accept=".motcua,application/octet-stream" required />
        </label>
        <label>
          {m.importPassphrase}
          <input name="importPassphrase" type="password" autoComplete="off" required />
        </label>
        <div className="actions">
          <button type="submit" disabled={importStatus.kind === 'busy'}>
            {m.importButton}
          </button>
        </div>
        <StatusLine status={importStatus} />
      </form>
    </section>
  );
}

function StatusLine({ status }: { status: Status }) {
  if (status.kind === 'idle') return null;
  if (status.kind === 'error')
    return (
      <p className="error" role="alert">
        {status.text}
      </p>
    );
  return (
    <div role="status">
      {status.kind === 'busy' && status.share !== undefined && <progress value={status.share} max={1} />}
      <p>{status.text}</p>
    </div>
  );
}
