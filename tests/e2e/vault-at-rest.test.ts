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
    expect(result).toEqual({
      state: 'open',
      byName: ['d-1'],
      byIdNumber: ['d-1'],
      papersRead: { page: true, photo: true, queued: true },
      anyOf: { names: [applicant.name], pages: 1 },
    });
    expect(filesUnder(dir).some((f) => f.includes(`${path.sep}IndexedDB${path.sep}`))).toBe(true);
    expect(filesHolding(dir, secrets)).toEqual([]);
  });

  it('finds them with the vault off: the scan sees clear data when there is some', async () => {
    const { dir, result } = await writeInProfile(false);
    expect(result).toEqual({
      state: 'off',
      byName: ['d-1'],
      byIdNumber: ['d-1'],
      papersRead: { page: true, photo: true, queued: true },
      anyOf: { names: [applicant.name], pages: 1 },
    });
    const found = filesHolding(dir, secrets);
    for (const secret of [applicant.name, applicant.idNumber])
      expect(
        found.some((f) => f.includes('IndexedDB') && f.endsWith(secret)),
        secret,
      ).toBe(true);
    // The papers' bytes too: Chromium keeps a Blob in a file of its own, beside the rows.
    expect(found.some((f) => f.includes('.blob') && f.endsWith(applicant.idNumber))).toBe(true);
  });

  /** Two tabs of one profile, both opened before the vault is set up; `hearsNews` false keeps the early one deaf to the other's message. */
  async function twoTabs(dir: string, hearsNews: boolean) {
    const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: chromiumArgs, ...devices.laptop });
    const [early, setter] = [context.pages()[0] ?? (await context.newPage()), await context.newPage()];
    for (const page of [early, setter]) {
      await page.goto(origin);
      // A message not yet arrived when the write is made: the early tab's channel carries nothing.
      if (page === early && !hearsNews)
        await page.evaluate(() => {
          window.BroadcastChannel = class {
            postMessage() {}
            close() {}
            addEventListener() {}
            removeEventListener() {}
          } as unknown as typeof BroadcastChannel;
        });
      await page.addScriptTag({ content: bundle });
      expect(await page.evaluate(() => window.motcuaVault.openTab())).toBe('off');
    }
    return { context, early, setter };
  }

  const strayWords: VaultPage.Applicant = { name: 'Lời nháp lạc', idNumber: '079000000000', address: '' };

  it('locks a tab opened before another tab set the vault up as soon as the news arrives: it writes nothing after', async () => {
    const dir = profileDir();
    profiles.push(dir);
    const { context, early, setter } = await twoTabs(dir, true);
    try {
      expect((await setter.evaluate(() => window.motcuaVault.setUpHere())).state).toBe('open');
      expect(await early.evaluate(() => window.motcuaVault.stateAfter(5000))).toBe('locked');
      const writes = await early.evaluate(([a, w]) => window.motcuaVault.writeHere(a, w), [applicant, strayWords] as const);
      expect(writes).toEqual({ draftChange: 'vault.locked', dossier: 'vault.locked', newDraft: 'vault.locked', paper: 'vault.locked', state: 'locked' });
    } finally {
      await context.close();
    }
    expect(filesHolding(dir, [...secrets, strayWords.name, strayWords.idNumber])).toEqual([]);
  });

  it('refuses the writes of a tab that has not heard yet, but for one draft change, sealed at its unlock', async () => {
    const dir = profileDir();
    profiles.push(dir);
    const { context, early, setter } = await twoTabs(dir, false);
    try {
      await early.evaluate(() => window.motcuaVault.startDraft());
      const { state, key } = await setter.evaluate(() => window.motcuaVault.setUpHere());
      expect(state).toBe('open');
      expect(await early.evaluate(() => window.motcuaVault.stateAfter(500))).toBe('off');
      // The draft's change cannot wait for the setting (it must survive a tab closed at once): it goes in clear, and
      // the tab learns it is locked; every other write reads the setting in its own transaction and is refused.
      const writes = await early.evaluate(([a, w]) => window.motcuaVault.writeHere(a, w), [applicant, strayWords] as const);
      expect(writes).toEqual({ draftChange: 'written', dossier: 'vault.locked', newDraft: 'vault.locked', paper: 'vault.locked', state: 'locked' });
      // The PIN (here the key itself) opens this tab, which seals that draft in place; it still reads back.
      expect(await early.evaluate((k) => window.motcuaVault.unlockHere(k), key)).toEqual({ state: 'open', draftSealed: true, draftStep: 'review' });
    } finally {
      await context.close();
    }
    // The refused writes left nothing; the stray draft's clear copy may linger in LevelDB's log until Chromium compacts it.
    expect(filesHolding(dir, secrets)).toEqual([]);
  });
});
