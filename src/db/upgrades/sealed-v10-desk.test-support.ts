// Test helper for a sealed desk of v10 opened by this build (its name pairs dated in the background,
// vault/date-pairs.ts), shared by src/db/migrations.test.ts (fake-indexeddb) and
// tests/e2e/db-upgrade-page.ts (Chromium): a sealed desk written by today's sealer, stored again as
// v10 held it (pair tokens without the receipt time, a vault record that knows nothing of dating),
// then opened with the current schema, unlocked and searched. Imported only by tests.
import Dexie from 'dexie';
import { MotcuaDb } from '../db';
import { emptyDossierFilter, queryDossierIds } from '../dossier-query';
import type { DossierRow } from '../schema';
import { forgetMasterKey, holdMasterKey, newMasterKey } from '../vault/key-holder';
import { openVault, sealExistingData, setUpVault } from '../vault/state';
import { VAULT_SETTING, type VaultRecord } from '../vault/tables';

/** Received on 2, 5, 4 and 3 March: "nguyen thi" finds d1, d3, d0 newest first (Thịnh starts with "thi"). */
const NAMES = ['Nguyễn Thị Lan', 'Nguyễn Thị Hoa', 'Lò Thị Mai', 'Nguyễn Thịnh'];
export const SEALED_V10_NEWEST_FIRST = ['d1', 'd3', 'd0'];
const CLEAR_PAIRS = ['ha tam', 'tam ha'];

const sealedRow = (applicantName: string, i: number): DossierRow => ({
  id: `d${i}`,
  code: `000.00.12.H38-260302-000${i}`,
  procedureCode: '1.001193',
  procedureName: 'Thủ tục đăng ký khai sinh',
  field: 'Hộ tịch',
  catalogueVersion: 1,
  status: 2,
  applicantName,
  applicantIdNumber: `00119000000${i}`,
  receivedAt: new Date(Date.UTC(2026, 2, 2 + ((i * 3) % 4), 1)).toISOString(),
  dueAt: '2026-03-20T10:00:00.000Z',
  syncState: 'waiting',
  data: {},
  updatedAt: '2026-03-02T01:00:00.000Z',
});

async function storedRows(name: string, table: string): Promise<Record<string, unknown>[]> {
  const plain = new Dexie(name);
  await plain.open();
  try {
    return (await plain.table(table).toArray()) as Record<string, unknown>[];
  } finally {
    plain.close();
  }
}

export interface SealedUpgradeOutcome {
  /** Today's sealer's pair values carry the time: '#', 16 letters of token, 9 base-36 digits. */
  sealerDates: boolean;
  /** Rows whose stored pairs the schema upgrade changed: none (dating is not the upgrade's work). */
  changedAtOpen: string[];
  /** Rows whose stored pairs after the unlock's background work differ from what today's sealer wrote (the clear row: from what it held). */
  differing: string[];
  /** Whether the vault's record says its pairs are all dated, after that work. */
  datedDone: boolean;
  /** "nguyen thi" on the desk sealed today, and on the upgraded one once unlocked. */
  expected: string[];
  found: string[];
}

/**
 * `declareV10(name)` declares the database as v10 did (at least settings, officers and dossiers).
 * Uses `name` and `name`-source; leaves no key held.
 */
export async function upgradeSealedV10Desk(name: string, declareV10: (name: string) => Dexie): Promise<SealedUpgradeOutcome> {
  const master = newMasterKey();
  const source = new MotcuaDb(`${name}-source`);
  try {
    await source.dossiers.bulkAdd(NAMES.map(sealedRow));
    await setUpVault(source, master);
    await sealExistingData(source);
    const expected = await queryDossierIds(source, { ...emptyDossierFilter, text: 'nguyen thi' });
    source.close();
    forgetMasterKey();
    const sealed = await storedRows(source.name, 'dossiers');
    const dated = new Map(sealed.map((r) => [r.id as string, r.searchPairs as string[]]));

    const old = declareV10(name);
    // A vault set up by v10 knows nothing of dating: its record has no datedPairs.
    const settings = (await storedRows(source.name, 'settings')).map((row) => {
      if (row.key !== VAULT_SETTING) return row;
      const { datedPairs: _dated, ...record } = row.value as VaultRecord;
      return { ...row, value: record };
    });
    await old.table('settings').bulkPut(settings);
    await old.table('dossiers').bulkPut(sealed.map((r) => ({ ...r, searchPairs: (r.searchPairs as string[]).map((p) => p.slice(0, 17)) })));
    await old.table('dossiers').put({ id: 'clear', code: 'c', receivedAt: '2026-03-09T01:00:00.000Z', searchPairs: CLEAR_PAIRS });
    const before = new Map((await old.table('dossiers').toArray()).map((r: Record<string, unknown>) => [r.id as string, JSON.stringify(r.searchPairs)]));
    old.close();

    const db = new MotcuaDb(name);
    await db.open(); // the schema upgrade runs here, locked: no key is held
    const changedAtOpen = (await storedRows(name, 'dossiers'))
      .filter((r) => JSON.stringify(r.searchPairs) !== before.get(r.id as string))
      .map((r) => r.id as string);
    holdMasterKey(master);
    await openVault(db);
    await sealExistingData(db); // joins the unlock's background work: sealing (all done), then dating
    const upgraded = await storedRows(name, 'dossiers');
    const differing = upgraded
      .filter((r) => JSON.stringify(r.searchPairs) !== JSON.stringify(r.id === 'clear' ? CLEAR_PAIRS : dated.get(r.id as string)))
      .map((r) => r.id as string);
    const record = (await storedRows(name, 'settings')).find((row) => row.key === VAULT_SETTING)?.value as VaultRecord | undefined;
    const found = await queryDossierIds(db, { ...emptyDossierFilter, text: 'nguyen thi' });
    db.close();
    return {
      sealerDates: [...dated.values()].every((pairs) => pairs.every((p) => /^#.{16}[0-9a-z]{9}$/.test(p))),
      changedAtOpen,
      differing,
      datedDone: record?.datedPairs?.done === true,
      expected,
      found,
    };
  } finally {
    source.close();
    forgetMasterKey();
  }
}
