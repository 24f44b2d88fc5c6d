// The backup file (issue 14, Measured): 1,000 dossiers with 3 scanned pages each, received offline
// through the app's own intake code in Chromium, exported with the app's backup code (sealed:
// PBKDF2 600,000 rounds, AES-256-GCM per 64 KB chunk) and imported on a second enrolled device of
// the commune. Baselines of the same run: the same export written plain (no encryption), and the
// raw payload (the files' bytes plus the rows' JSON) for the file's size. Export runs alternate
// plain and sealed, three of each, and report medians; the import runs once on the fresh device
// (a second run of the same file is the "imported twice" case, which adds nothing).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, newDevice } from '../support/browser';
import { copyBuild, removeDir, startGateway } from '../support/gateway';
import { enrolWithDemoCode, prepareDevice } from '../support/intake-flow';
import { bundleForPage } from '../support/page-bundle';
import { median, type Figure, type Section } from './report';
import type * as BackupPage from './backup-page';
import { MIN_ITERATIONS } from '../../src/shared/lib/sealed-stream';

const DOSSIERS = Number(process.env.MOTCUA_BENCH_BACKUP_DOSSIERS ?? 1000);
const PAGES = Number(process.env.MOTCUA_BENCH_BACKUP_PAGES ?? 3);
// A small text page from the digitizer, as in the drain bench: random bytes, so nothing compresses or repeats.
const PAGE_BYTES = Number(process.env.MOTCUA_BENCH_BACKUP_PAGE_BYTES ?? 20_000);
const RUNS = 3;
const PASSPHRASE = 'Bản Mẫu đo tốc độ sao lưu';

declare global {
  interface Window {
    motcuaBackup: typeof BackupPage;
  }
}

const mb = (bytes: number) => bytes / 1e6;

export async function benchBackup(): Promise<Section> {
  const staticDir = copyBuild();
  const [bundle, gateway] = await Promise.all([bundleForPage('tests/bench/backup-page.ts', 'motcuaBackup'), startGateway({ staticDir })]);
  const browser = await launchBrowser();
  const file = path.join(tmpdir(), `motcua-bench-${process.pid}.motcua`);
  try {
    const first = await newDevice(browser, 'laptop');
    const one = await first.newPage();
    await prepareDevice(one, gateway.url, 'Lò Thị Mai');
    await enrolWithDemoCode(one, 'Máy đo sao lưu');
    // Offline, so the pump leaves the outbox as it is: everything is unsynced work.
    await first.setOffline(true);
    await one.evaluate(bundle); // over CDP: the app's CSP refuses inline scripts
    const generated = await one.evaluate(([n, p, size]) => window.motcuaBackup.generate(n, p, size), [DOSSIERS, PAGES, PAGE_BYTES] as const);
    process.stderr.write(`  backup: ${generated.dossiers} dossiers, ${generated.files} files received in ${(generated.ms / 1000).toFixed(0)} s\n`);

    const plain: BackupPage.Timed[] = [];
    const sealed: (BackupPage.Timed & { entries: number; files: number })[] = [];
    let payload = 0;
    for (let run = 0; run < RUNS; run++) {
      const p = await one.evaluate(() => window.motcuaBackup.exportPlain('unsynced'));
      payload = p.payload;
      plain.push(p);
      sealed.push(await one.evaluate((pass) => window.motcuaBackup.exportSealed(pass, 'unsynced'), PASSPHRASE));
    }
    const full = await one.evaluate((pass) => window.motcuaBackup.exportSealed(pass, 'full'), PASSPHRASE);
    await one.evaluate((pass) => window.motcuaBackup.exportSealed(pass, 'unsynced'), PASSPHRASE);
    const derivations: number[] = [];
    for (let run = 0; run < RUNS; run++) derivations.push(await one.evaluate((i) => window.motcuaBackup.deriveOnce(i), MIN_ITERATIONS));
    const derive = median(derivations);
    const [download] = await Promise.all([one.waitForEvent('download'), one.evaluate(() => window.motcuaBackup.downloadLast('bench.motcua'))]);
    await download.saveAs(file);

    const second = await newDevice(browser, 'laptop');
    const two = await second.newPage();
    await prepareDevice(two, gateway.url, 'Hà Văn Bình');
    await enrolWithDemoCode(two, 'Máy nhận sao lưu');
    await second.setOffline(true);
    await two.evaluate(bundle);
    await two.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-backup-file';
      document.body.append(input);
    });
    await two.setInputFiles('#bench-backup-file', file);
    const imported = await two.evaluate((pass) => window.motcuaBackup.importChosen('#bench-backup-file', pass), PASSPHRASE);
    const again = await two.evaluate((pass) => window.motcuaBackup.importChosen('#bench-backup-file', pass), PASSPHRASE);

    const what = `${DOSSIERS} dossiers × ${PAGES} pages of ${(PAGE_BYTES / 1000).toFixed(0)} KB`;
    const sealedBytes = median(sealed.map((s) => s.bytes));
    const figures: Figure[] = [
      {
        name: `export (sealed), ${what}`,
        value: median(sealed.map((s) => s.ms)) / 1000,
        unit: 's',
        baseline: median(plain.map((p) => p.ms)) / 1000,
        note: `medians of ${RUNS}, alternated; baseline: the same records written plain; runs ${sealed.map((s) => (s.ms / 1000).toFixed(1)).join(', ')} s`,
      },
      {
        name: 'backup file size',
        value: mb(sealedBytes),
        unit: 'MB',
        baseline: mb(payload),
        note: `baseline: raw payload (files + rows' JSON); overhead ${(((sealedBytes - payload) / payload) * 100).toFixed(2)} %; plain file ${mb(plain[0]!.bytes).toFixed(2)} MB`,
      },
      {
        name: 'export throughput (sealed)',
        value: mb(payload) / (median(sealed.map((s) => s.ms)) / 1000),
        unit: 'MB/s',
        baseline: mb(payload) / (median(plain.map((p) => p.ms)) / 1000),
      },
      {
        name: `export (sealed), full kind`,
        value: full.ms / 1000,
        unit: 's',
        note: `${full.entries} entries, ${full.files} files, ${mb(full.bytes).toFixed(2)} MB`,
      },
      {
        name: 'import on a second device (open, check, merge)',
        value: imported.ms / 1000,
        unit: 's',
        baseline: median(sealed.map((s) => s.ms)) / 1000,
        note: `baseline: the sealed export; ${imported.added} entries+dossiers+files and ${imported.logLines} log lines added`,
      },
      {
        name: 'the same file imported again (adds nothing)',
        value: again.ms / 1000,
        unit: 's',
        note: `${again.added} added (${again.logLines} log lines), ${again.skipped} entries skipped`,
      },
      { name: `PBKDF2-SHA-256 ${MIN_ITERATIONS.toLocaleString('en')} rounds (inside each export and import)`, value: derive / 1000, unit: 's' },
      { name: 'receiving them offline (app intake code, in the page)', value: generated.ms / 1000, unit: 's', note: `${generated.files} files` },
    ];
    await first.close();
    await second.close();
    return { section: 'Backup file: export and import', figures };
  } finally {
    await browser.close();
    await gateway.stop();
    removeDir(gateway.dataDir);
    removeDir(staticDir);
    rmSync(file, { force: true });
  }
}
