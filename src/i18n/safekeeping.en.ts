// English messages of the shell's notices about the device's data, the same shape as safekeeping.vi.ts.
import type { safekeepingVi } from './safekeeping.vi';

export const safekeepingEn: typeof safekeepingVi = {
  region: 'About the data on this device',
  backupLink: 'Back up to a file',
  lost: {
    title: "The app's data on this device was deleted",
    text:
      'This device has held dossiers since {{since}}, but its data is gone (the browser deleted it for lack of room, or it was damaged). ' +
      'Dossiers sent to the gateway are still there; unsent changes survive only in the latest backup file.',
    importLink: 'Import the latest backup file',
    resyncLink: 'Enrol again and sync from the gateway',
    done: 'Restored, hide this notice',
  },
  notPersistent:
    'The browser has not promised to keep this device’s data: when the device runs short of room, unsent dossiers may be deleted. Install the app (Settings → Install the app) and back up to a file often.',
  low: 'The device is nearly full (only {{free}} left). Sync, then back up to a file before receiving more dossiers with digitized papers.',
  reminder:
    '{{count}} changes have waited {{hours}} hours unsent (past the {{limit}}-hour reminder). Sync, or back up to a file to carry to a place with a network.',
  syncNow: 'Sync now',
};
