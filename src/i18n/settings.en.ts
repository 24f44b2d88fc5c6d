// English messages of the settings page, same keys as Vietnamese (checked by the type).
import type { settingsVi } from './settings.vi';

export const settingsEn: typeof settingsVi = {
  page: { title: 'Settings', intro: 'Desk details, device storage and installing the app.' },
  install: {
    title: 'Install Motcua on this device',
    done: 'The app is installed on this device.',
    howTo:
      'If the browser shows no install button: in Chrome/Edge open the ⋮ menu and choose "Install app"; on iPad/iPhone (Safari) tap Share then "Add to Home Screen"; on Android choose "Add to Home screen".',
  },
  desk: {
    title: 'Reception desk details',
    officerName: 'Receiving officer’s full name',
    officerPhone: 'Contact phone number',
    save: 'Save details',
    saved: 'Saved.',
    unsaved: 'There are unsaved changes.',
    saveFailed: 'Could not save: {{reason}}',
    tooLong: '{{length}} characters, past the {{max}} the server accepts: please shorten it.',
    phoneInvalid: 'Not a valid phone number: {{reason}}',
    notSaved: 'Not saved: fix the marked box.',
  },
  storage: {
    title: 'Device storage',
    persistent: 'Data is stored persistently (the browser will not clear it on its own).',
    notPersistent: 'Data is not protected yet: the browser may clear it when space runs low. Install the app to get persistent storage.',
    unknown: 'The browser does not report storage figures.',
    used: 'Used',
    free: 'Free',
    lowWarning: 'Storage is running low: only {{free}} left. Sync dossiers and free space before receiving more.',
  },
  lock: {
    title: 'Automatic lock',
    intro: 'When nobody uses the device for this long, the app locks itself; an officer opens it again with their PIN.',
    minutes: 'Lock after (minutes)',
    save: 'Save lock time',
    saved: 'Saved: the device locks after {{count}} minutes without use.',
    invalid: 'Enter a number of minutes from 1 to 240.',
  },
  selfCheck: {
    title: 'Device self-check',
    run: 'Run check',
    database: 'On-device database',
    worker: 'Background worker',
    ok: 'Working',
    failed: 'Error: {{reason}}',
    running: 'Checking…',
  },
};
