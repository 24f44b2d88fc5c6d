// English messages of the shell, same keys as Vietnamese (checked by the type), with every error
// code's text: an error shown in English needs its code's words, the Vietnamese one carries its own.
import { errorsEn } from './errors.en';
import type { viShell } from './shell.vi';

export const enShell: typeof viShell = {
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
    teamFile: 'File a dossier',
    teamSubmissions: 'Submitted dossiers',
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
  },
  access: {
    signIn: 'Officer sign-in',
    officer: 'Officer: {{name}}',
    switchUser: 'Switch user',
    lock: 'Lock',
    sealing: 'Encrypting the data already on this device: {{done}}/{{total}}',
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
    notFound: { title: 'Page not found', back: 'Back to Procedures' },
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
