// English messages of the backup file, the same shape as backup.vi.ts.
import type { backupVi } from './backup.vi';

export const backupEn: typeof backupVi = {
  title: 'Back up and carry work in a file',
  intro:
    'Without a network, back up the changes not yet sent (dossiers, digitized papers, drafts) into an encrypted file, ' +
    'copy it to a USB stick and import it on another device of the commune, or on this one after a reinstall. The gateway keeps each dossier once, even if both devices send it.',
  exportTitle: 'Back up to a file',
  passphrase: 'Passphrase for the file',
  passphraseAgain: 'Passphrase again',
  passphraseHint: "At least {{min}} characters. The file holds citizens' personal data: keep the passphrase apart, never on the stick.",
  exportButton: 'Back up to a file',
  exporting: 'Backing up… {{percent}}%',
  deriving: 'Deriving the encryption key from the passphrase…',
  exported: 'Backed up {{entries}} changes and {{files}} paper files to “{{name}}” ({{size}}).',
  nothingToExport: 'No change is waiting to be sent; the file is made anyway, for the drafts.',
  tooShort: 'The passphrase needs at least {{min}} characters.',
  mismatch: 'The two passphrases differ.',
  importTitle: 'Import from a file',
  file: 'Backup file',
  importPassphrase: "The file's passphrase",
  importButton: 'Import from a file',
  importing: 'Checking and importing the file…',
  imported: 'Imported {{entries}} changes, {{dossiers}} dossiers, {{drafts}} drafts and {{files}} paper files. The changes are sent when a network is there.',
  importedNothing: 'This file was imported before (or holds nothing new): nothing changed.',
  chooseFile: 'Choose a backup file.',
  failed: 'The file could not be imported: {{reason}} Nothing on this device changed.',
  exportFailed: 'The backup failed: {{reason}}',
  errors: {
    'backup.wrong_passphrase': 'Wrong passphrase.',
    'backup.damaged': 'The file was altered or is damaged.',
    'backup.truncated': 'The file is incomplete (cut short, perhaps not fully copied).',
    'backup.not_a_backup': 'This is not a Motcua backup file.',
    'backup.unsupported_version': 'The file was made by a newer version of the app: update the app, then import again.',
    'backup.weak_key': 'The file is not encrypted strongly enough to be taken.',
    'backup.bad_content': "The file's content is not in the expected shape.",
    'backup.other_commune': 'This file belongs to another commune.',
    'backup.not_enrolled': 'This device is not enrolled with a commune: enrol it on the Sync page first.',
    'backup.storage_full': 'The device has no room left.',
  },
};
