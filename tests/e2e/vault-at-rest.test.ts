// Encryption at rest in real Chromium (issue 13): a dossier written with the vault open leaves
// neither the applicant's name nor the ID number in the profile folder's bytes on disk (UTF-8,
// UTF-16LE as V8 serializes two-byte strings, UTF-16BE as IndexedDB encodes index keys), and is
// still found by name and by ID number; nor do the papers' bytes (a page, the photo it was made
// from, a photo waiting for the digitizer), which still read back. The same scan finds them all with
// the vault off: it can fail.
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devices, profileDir } from '../support/browser';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { removeDir } from '../support/gateway';
import { bundleForPage } from '../support/page-bundle';
import { filesHolding, filesUnder } from '../support/profile-bytes';
import type * as VaultPage from './vault-at-rest-page';

declare global {
  interface Window {
    motcuaVault: typeof VaultPage;
  }
}

const applicant: VaultPage.Applicant = { name: 'Trịnh Thị Khuê', idNumber: '038190012345', address: 'Xóm Bản Phường' };

let server: Server;
let origin: string;
let bundle: string;
const profiles: string[] = [];

beforeAll(async () => {
  // A blank page of its own origin: the app's database code is injected, nothing else runs.
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>vault</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  bundle = await bundleForPage('tests/e2e/vault-at-rest-page.ts', 'motcuaVault');
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  for (const dir of profiles) removeDir(dir);
});

/** Writes the dossier in a fresh on-disk profile, closes Chromium (flushing IndexedDB), and returns the folder. */
async function writeInProfile(vault: boolean) {
  const dir = profileDir();
  profiles.push(dir);
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: chromiumArgs, ...devices.laptop });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(origin);
    await page.addScriptTag({ content: bundle });
    const result = await page.evaluate(([a, v]) => window.motcuaVault.writeAndSearch(a, v), [applicant, vault] as const);
    return { dir, result };
  } finally {
    await context.close();
  }
}

describe('personal data at rest in a Chromium profile', () => {
  const secrets = [applicant.name, applicant.idNumber, applicant.address, 'khue'];

  it('holds neither the name nor the ID number in clear once the vault is open, and still finds the dossier by both', async () => {
    const { dir, result } = await writeInProfile(true);
    expect(result).toEqual({ state: 'open', byName: ['d-1'], byIdNumber: ['d-1'], papersRead: { page: true, photo: true, queued: true } });
    expect(filesUnder(dir).some((f) => f.includes(`${path.sep}IndexedDB${path.sep}`))).toBe(true);
    expect(filesHolding(dir, secrets)).toEqual([]);
  });

  it('finds them with the vault off: the scan sees clear data when there is some', async () => {
    const { dir, result } = await writeInProfile(false);
    expect(result).toEqual({ state: 'off', byName: ['d-1'], byIdNumber: ['d-1'], papersRead: { page: true, photo: true, queued: true } });
    const found = filesHolding(dir, secrets);
    for (const secret of [applicant.name, applicant.idNumber])
      expect(
        found.some((f) => f.includes('IndexedDB') && f.endsWith(secret)),
        secret,
      ).toBe(true);
    // The papers' bytes too: Chromium keeps a Blob in a file of its own, beside the rows.
    expect(found.some((f) => f.includes('.blob') && f.endsWith(applicant.idNumber))).toBe(true);
  });

  it('lets a tab opened before another tab set the vault up write nothing clear after: each write is refused as locked', async () => {
    const dir = profileDir();
    profiles.push(dir);
    const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: chromiumArgs, ...devices.laptop });
    try {
      const [early, setter] = [context.pages()[0] ?? (await context.newPage()), await context.newPage()];
      for (const page of [early, setter]) {
        await page.goto(origin);
        await page.addScriptTag({ content: bundle });
        expect(await page.evaluate(() => window.motcuaVault.openTab())).toBe('off');
      }
      expect(await setter.evaluate(() => window.motcuaVault.setUpHere())).toBe('open');
      const writes = await early.evaluate((a) => window.motcuaVault.writeHere(a), applicant);
      expect(writes).toEqual({ dossier: 'vault.locked', newDraft: 'vault.locked', draftChange: 'vault.locked', paper: 'vault.locked', state: 'locked' });
    } finally {
      await context.close();
    }
    expect(filesHolding(dir, secrets)).toEqual([]);
  });
});
