// Vietnamese messages, all of them: the shape every key is typed against (i18next.d.ts) and the
// dictionary tests read. The app never loads this file whole: the shell's part rides in the first
// screen and each area's part loads with its page (index.ts).
import { viShell } from './shell.vi';
import { digitizeVi } from './digitize.vi';
import { catalogueVi } from './catalogue.vi';
import { intakeVi } from './intake.vi';
import { dossiersVi } from './dossiers.vi';
import { reportsVi } from './reports.vi';
import { scannerVi } from './scanner.vi';
import { deviceVi } from './device.vi';
import { syncVi } from './sync.vi';
import { settingsVi } from './settings.vi';
import { signinVi } from './signin.vi';
import { teamVi } from './team.vi';

export const vi = {
  ...viShell,
  digitize: digitizeVi,
  catalogue: catalogueVi,
  intake: intakeVi,
  dossiers: dossiersVi,
  reports: reportsVi,
  scanner: scannerVi,
  device: deviceVi,
  sync: syncVi,
  settings: settingsVi,
  signin: signinVi,
  team: teamVi,
};

export type Messages = typeof vi;
