// npm run bench [-- --json FILE] [-- --only NAME]: prints every benchmark's figures, each against
// a baseline measured in the same run. Builds the app first if it is not built.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { printSection, writeJson, type Section } from './report';
import { benchCatalogue } from './catalogue.bench';
import { benchIntake } from './intake.bench';
import { benchShell } from './shell.bench';
import { benchDossiers } from './dossiers.bench';
import { benchSync } from './sync.bench';
import { benchDrain, benchDrainPhotos } from './drain.bench';
import { benchQr } from './qr.bench';
import { benchDigitize } from './digitize.bench';
import { benchOutline } from './outline.bench';
import { benchBackup } from './backup.bench';
import { benchStatusPage } from './status-page.bench';
import { benchTeamSubmit } from './team-submit.bench';

const benches: Record<string, () => Promise<Section>> = {
  shell: benchShell,
  sync: benchSync,
  drain: benchDrain,
  'drain-photos': benchDrainPhotos,
  catalogue: benchCatalogue,
  qr: benchQr,
  dossiers: benchDossiers,
  intake: benchIntake,
  digitize: benchDigitize,
  outline: benchOutline,
  backup: benchBackup,
  'status-page': benchStatusPage,
  'team-submit': benchTeamSubmit,
};

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const jsonFile = option('--json');
const only = option('--only')?.split(',');

/** Benches that call the gateway in process only, without the built app. */
const withoutApp = new Set(['status-page']);
const needsApp = !only || only.some((name) => !withoutApp.has(name));
if (needsApp && !existsSync('dist/.vite/manifest.json')) execSync('npx vite build', { stdio: 'inherit' });

const sections: Section[] = [];
for (const [name, bench] of Object.entries(benches)) {
  if (only && !only.includes(name)) continue;
  const section = await bench();
  printSection(section);
  sections.push(section);
}
if (jsonFile) {
  writeJson(jsonFile, sections);
  console.log(`\nFigures written to ${jsonFile}`);
}
process.exit(0);
