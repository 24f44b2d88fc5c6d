// English messages, all of them, same keys as Vietnamese (checked by the type). Like vi.ts, for the
// type and the tests: the app loads the shell's part and each area's part on demand (index.ts).
import { enShell } from './shell.en';
import { digitizeEn } from './digitize.en';
import { catalogueEn } from './catalogue.en';
import { intakeEn } from './intake.en';
import { dossiersEn } from './dossiers.en';
import { reportsEn } from './reports.en';
import { scannerEn } from './scanner.en';
import { deviceEn } from './device.en';
import { syncEn } from './sync.en';
import { settingsEn } from './settings.en';
import { signinEn } from './signin.en';
import { teamEn } from './team.en';
import type { Messages } from './vi';

export const en: Messages = {
  ...enShell,
  digitize: digitizeEn,
  catalogue: catalogueEn,
  intake: intakeEn,
  dossiers: dossiersEn,
  reports: reportsEn,
  scanner: scannerEn,
  device: deviceEn,
  sync: syncEn,
  settings: settingsEn,
  signin: signinEn,
  team: teamEn,
};
