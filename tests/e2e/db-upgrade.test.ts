// The device database's upgrade path in real Chromium: in a page of the built app's origin, a
// database is written as a device on each released schema version held it (v1 to v10, with data
// in that version's shape, and a sealed desk of v10), then opened with the app's current schema;
// every row must come through, with its derived search words and report facts, and the indexes
// the desk and reports use must answer. (src/db/migrations.test.ts checks each step on fake-indexeddb; this is the real engine.)
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { useStage } from '../support/e2e-stage';
import { bundleForPage } from '../support/page-bundle';
import type * as UpgradePage from './db-upgrade-page';

declare global {
  interface Window {
    motcuaUpgrade: typeof UpgradePage;
  }
}

const stage = useStage();
/** The current schema version: when it moves on, the one before joins RELEASED in db-upgrade-page.ts. */
const CURRENT = 11;
// 8 (name word pairs) shipped together with 9: no device holds 8 alone.
const RELEASED = [1, 2, 3, 4, 5, 6, 7, 9, 10];
const TABLES = [
  'attachments',
  'captureQueue',
  'catalogues',
  'dossierFacts',
  'dossiers',
  'drafts',
  'files',
  'officers',
  'outbox',
  'pageSources',
  'processingLog',
  'reportPacks',
  'searchIndexes',
  'settings',
  'uploads',
];

describe('the device database, upgraded in Chromium', () => {
  it('carries every released version’s data to the current schema, with its derived fields and usable indexes', async () => {
    const [bundle, context] = await Promise.all([bundleForPage('tests/e2e/db-upgrade-page.ts', 'motcuaUpgrade'), newDevice(stage.browser, 'laptop')]);
    const page = await context.newPage();
    await page.goto(stage.gateway.url);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    // Over CDP: the app's CSP refuses inline and eval'd scripts, the DevTools protocol is not bound by it.
    await (await context.newCDPSession(page)).send('Runtime.evaluate', { expression: bundle });

    for (const version of RELEASED) {
      const name = `motcua-upgrade-from-v${version}`;
      await page.evaluate(([n, v]) => window.motcuaUpgrade.seed(n, v), [name, version] as const);
      const read = await page.evaluate((n) => window.motcuaUpgrade.openAndRead(n), name);
      const from = `from v${version}`;

      expect(read.verno, from).toBe(CURRENT);
      expect(read.tables, from).toEqual(TABLES);
      expect(read.deskProfile, from).toEqual({ officerName: 'Lò Thị Mai', officerPhone: '0912345678' });
      // v1's entries gain a status (v2's upgrade); the quarantined one stays out of the batch.
      expect(read.outbox, from).toEqual(
        version === 1
          ? [
              { entityId: 'd-open', status: 'pending', attempts: 0 },
              { entityId: 'd-refused', status: 'pending', attempts: 0 },
            ]
          : [{ entityId: 'd-open', status: 'pending', attempts: 0 }],
      );
      expect(read.quarantine, from).toEqual(version === 1 ? [] : [{ entityId: 'd-refused', lastError: 'Mã hồ sơ đã có trên máy chủ' }]);
      expect(read.outboxOfOpen, from).toBe(1); // the entityId index (v5)

      if (version < 3) {
        expect(read.open, from).toBeNull();
        expect(read.report, from).toEqual([]);
        continue;
      }
      expect(read.catalogueVersion, from).toBe(1);
      expect(read.draft, from).toEqual({ applicant: { fullName: 'Hà Thị Hoa' } });
      expect(read.open, from).toMatchObject({
        code: '000.00.12.H38-260302-0001',
        status: 4,
        applicantName: 'Nguyễn Thị Đào',
        openDueAt: '2026-03-16T10:00:00.000Z',
      });
      // Search words: a name typed without accents, or with them, a code's tail, an ID number.
      expect(read.byName, from).toEqual(['d-open']);
      expect(read.byNameWords, from).toEqual(['d-open']); // the name's word pairs (v8)
      expect(read.byAccentedName, from).toEqual(['d-returned']);
      expect(read.byCodeTail, from).toEqual(['d-refused']);
      expect(read.byIdNumber, from).toEqual(['d-open', 'd-refused', 'd-returned']);
      expect(read.overdue, from).toEqual(['d-open']);
      expect(read.attachments, from).toEqual(['to-khai.pdf']);
      expect(read.fileText, from).toBe('%PDF-1.7 tờ khai');
      expect(read.log, from).toEqual(['receive', 'transfer']);
      // Report facts for March: received, refused, returned and rated, files counted.
      expect(read.report, from).toEqual([
        { id: 'd-open', status: 4, refused: false, received: '2026-03-02T01:00:00.000Z', returned: false, rating: null, digitized: 1 },
        { id: 'd-refused', status: 3, refused: true, received: null, returned: false, rating: null, digitized: 0 },
        { id: 'd-returned', status: 10, refused: false, received: '2026-03-02T01:00:00.000Z', returned: true, rating: 'good', digitized: 0 },
      ]);
      expect(read.upload, from).toEqual(
        version >= 5 ? { sha256: 'a'.repeat(64), status: 'uploading', size: 19, url: '/api/files/abc', offset: 7, updatedAt: 't' } : null,
      );
      expect(read.queued, from).toEqual(version >= 6 ? ['IMG_0002.jpg: ảnh chụp'] : []);
      expect(read.pageSource, from).toBe(version >= 7 ? 'IMG_0001.jpg: ảnh gốc' : null);
      // March's report built its packs (v9) from the upgraded facts; the write below must drop them.
      expect(read.packsBuilt, from).toEqual(['active:2026-03', 'open', 'received:2026-03']);
      // Written again after the upgrade: the facts and the open-due index follow.
      expect(read.afterWrite, from).toEqual({ status: 10, overdue: [] });
    }
    // A sealed desk of v10: it opens with its rows untouched; after the unlock, its pair tokens are
    // dated in the background, as the sealer now writes them, and the name search finds the same
    // dossiers newest first.
    const sealed = await page.evaluate(() => window.motcuaUpgrade.upgradeSealedDesk('motcua-upgrade-sealed-v10'));
    expect(sealed).toEqual({ sealerDates: true, changedAtOpen: [], differing: [], datedDone: true, expected: ['d1', 'd3', 'd0'], found: ['d1', 'd3', 'd0'] });
    await context.close();
  });
});
