// English messages: the second language, same keys as Vietnamese (checked by the type).
import { digitizeEn } from './digitize.en';
import { catalogueEn } from './catalogue.en';
import { intakeEn } from './intake.en';
import { dossiersEn } from './dossiers.en';
import { reportsEn } from './reports.en';
import { scannerEn } from './scanner.en';
import { deviceEn } from './device.en';
import { errorsEn } from './errors.en';
import type { Messages } from './vi';

export const en: Messages = {
  digitize: digitizeEn,
  catalogue: catalogueEn,
  intake: intakeEn,
  dossiers: dossiersEn,
  reports: reportsEn,
  scanner: scannerEn,
  device: deviceEn,
  app: {
    name: 'Motcua',
    fullName: 'Motcua – commune one-stop desk',
    skipToContent: 'Skip to main content',
    mainNav: 'Main navigation',
    language: 'Language',
    switchTo: 'Tiếng Việt',
  },
  nav: {
    catalogue: 'Procedures',
    intake: 'Receive dossier',
    dossiers: 'Dossiers',
    sync: 'Sync',
    reports: 'Reports',
    settings: 'Settings',
    digitize: 'Digitize papers',
  },
  connection: {
    label: 'Connection',
    online: 'Connected to the server',
    offline: 'No network – working offline',
    unreachable: 'Network up but the server cannot be reached',
    checking: 'Checking connection…',
  },
  pending: {
    count_one: '{{count}} change waiting to sync',
    count_other: '{{count}} changes waiting to sync',
    none: 'No changes waiting to sync',
  },
  install: {
    button: 'Install app',
    title: 'Install Motcua on this device',
    done: 'The app is installed on this device.',
    howTo:
      'If the browser shows no install button: in Chrome/Edge open the ⋮ menu and choose "Install app"; on iPad/iPhone (Safari) tap Share then "Add to Home Screen"; on Android choose "Add to Home screen".',
  },
  update: {
    available: 'A new version of the app is available.',
    apply: 'Update now',
    later: 'Later',
    blocked:
      'There is unsaved input or a sync in progress, so the page cannot reload now. Save or wait for the sync, then try again. If you choose Later, the new version is used next time the app starts.',
    postponed: 'The new version will be used the next time the app starts.',
  },
  pages: {
    catalogue: { title: 'Procedures', intro: 'Find an administrative procedure, the papers to bring, time limits and fees.' },
    intake: { title: 'Receive dossier', intro: "Receive a citizen's dossier, check its papers and print the appointment slip." },
    dossiers: { title: 'Dossiers', intro: 'Follow received dossiers until the result is returned.' },
    sync: { title: 'Sync', intro: "Send changes to the province's system when the network is back." },
    reports: { title: 'Reports', intro: 'Dossiers received and finished early, on time or late.' },
    settings: { title: 'Settings', intro: 'Desk details, device storage and installing the app.' },
    digitize: { title: 'Digitize papers', intro: 'Turn loose papers into small, legible PDF files kept on this device for dossiers.' },
    notFound: { title: 'Page not found', back: 'Back to Procedures' },
  },
  sync: {
    waiting: 'Waiting to send',
    connection: 'Connection status',
    reserveTitle: 'Dossier numbers reserved on this device',
    reserve: '{{count}} official dossier numbers left for today, for use offline.',
    commune: 'Unit: {{name}} (code {{agency}})',
    noCommune: 'This device has not loaded its commune yet: connect once.',
    lastOnline: 'Last reached the server: {{time}}',
    queue: '{{count}} changes waiting to be sent.',
    allSent: 'All sent: the server has every change.',
    onlyQuarantine: 'Nothing waits to be sent, but the server refused some changes (see below).',
    now: 'Sync now',
    lastSuccess: 'Last successful send: {{time}}',
    lastError: 'Last error: {{reason}}',
    pump: {
      idle: 'The sender is idle.',
      sending: 'Sending…',
      waitingToRetry: 'Sending failed; it will retry by itself.',
      needsSignIn: 'Re-activate the device / sign in again to keep sending. The data on this device is intact.',
      offline: 'Offline: will send by itself when the network is back, while the app is open.',
    },
    quarantineTitle: 'Refused by the server ({{count}})',
    resend: 'Send again',
    resendOne: 'Send {{code}} again',
    fixAction: 'Fix the dossier',
    fixOne: 'Fix dossier {{code}}',
    fix: {
      title: 'Fix dossier {{code}} and send it again',
      reason: 'Refused by the server: {{reason}}',
      applicant: 'Applicant',
      owner: 'Dossier owner',
      tooLong: 'Longer than the {{max}} characters the server accepts.',
      invalid: 'Some details are still wrong (see each field): nothing was saved.',
      save: 'Save and send again',
      cancel: 'Cancel',
      nothing: 'This change carries no applicant details to fix.',
    },
    kind: {
      'dossier.receive': 'dossier received',
      'dossier.refuse': 'dossier refused',
      'dossier.transition': 'dossier action',
      'dossier.rate': 'satisfaction rating',
    },
    checkNow: 'Check connection',
  },
  desk: {
    title: 'Reception desk details',
    officerName: 'Receiving officer’s full name',
    officerPhone: 'Contact phone number',
    save: 'Save details',
    saved: 'Saved.',
    unsaved: 'There are unsaved changes.',
    saveFailed: 'Could not save: {{reason}}',
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
  selfCheck: {
    title: 'Device self-check',
    run: 'Run check',
    database: 'On-device database',
    worker: 'Background worker',
    ok: 'Working',
    failed: 'Error: {{reason}}',
    running: 'Checking…',
  },
  papers: {
    toolbar: 'Print papers',
    print: 'Print',
    paperSize: 'Paper size',
    sizeA4: 'A4 paper',
    sizeA5: 'A5 paper',
  },
  errors: errorsEn,
};
