// Dossier numbers at the desk: a refill of the reserve that lands while a receipt is under way is
// kept, and receipts made at the same time never share a number (fake IndexedDB, real app code).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDraft, getDb, readSetting, RESERVE_KEY } from '../../db';
import { demoCatalogue } from '../../domain/catalogue';
import { vnDayKey, type CodeReserve } from '../../domain/dossier';
import { newDraftData } from '../../domain/intake';
import { refillCodeReserve } from '../../sync/code-reserve';
import { receiveDraft } from './receive';

const AGENCY = '000.00.12.H38';
const DEVICE = { id: 'dev-1', short: 'K7M2PQ' };
const procedure = demoCatalogue().procedures[0]!;
const now = new Date();
const today = vnDayKey(now);
const tomorrow = vnDayKey(new Date(now.getTime() + 86_400_000));

async function newDraft(id: string) {
  const data = newDraftData(procedure, 1);
  data.applicant = {
    fullName: 'Nguyễn Văn Mẫu',
    idNumber: '001099000001',
    birthDate: '1999-03-15',
    sex: 'Nam',
    address: 'Thôn Nà Pồ',
    phone: '0912345678',
    email: '',
  };
  data.components = data.components.map((c) => ({ ...c, received: true }));
  await createDraft(getDb(), { id, procedureCode: procedure.code, procedure, step: 'review', data, createdAt: '', updatedAt: '' });
  return data;
}

const reserve = () => readSetting<CodeReserve | undefined>(getDb(), RESERVE_KEY, undefined);

beforeEach(async () => {
  const db = getDb();
  await Promise.all([db.settings.clear(), db.dossiers.clear(), db.drafts.clear(), db.outbox.clear()]);
  const held: CodeReserve = { agency: AGENCY, deviceShort: DEVICE.short, blocks: [{ agency: AGENCY, day: today, from: 1, to: 3 }], provisional: null };
  await db.settings.bulkPut([
    { key: 'commune', value: { id: 'xa-ban-mau', name: 'Xã Bản Mẫu', provinceCode: '38', agencyCode: AGENCY, officeHours: null }, updatedAt: '' },
    { key: 'device', value: DEVICE, updatedAt: '' },
    { key: RESERVE_KEY, value: held, updatedAt: '' },
  ]);
});

describe('the code reserve at intake', () => {
  it('keeps a refill that lands between a receipt starting and its number being spent', async () => {
    const db = getDb();
    const data = await newDraft('draft-1');
    const blocks = [
      { agency: AGENCY, day: today, from: 31, to: 60 },
      { agency: AGENCY, day: tomorrow, from: 1, to: 30 },
    ];
    const gateway = (async () => new Response(JSON.stringify({ blocks }), { status: 200 })) as typeof fetch;
    // The refill lands at the last moment before the receipt's write transaction opens: after
    // everything the receipt did until then (reading the reserve included, if it reads it there).
    const open = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let refilled: number | undefined;
    const patched = async (...args: unknown[]) => {
      if (refilled === undefined && args.flat().includes(db.dossiers)) refilled = await refillCodeReserve(now, gateway);
      return open(...args);
    };
    db.transaction = patched as unknown as typeof db.transaction;
    const receiving = receiveDraft('draft-1', data, procedure, now).finally(() => {
      db.transaction = open as unknown as typeof db.transaction;
    });
    const received = await receiving;
    expect(refilled).toBe(33);
    expect(received).toMatchObject({ code: `${AGENCY}-${today}-0001`, provisional: false });
    // The refill's numbers are all still there, with number 1 spent.
    expect((await reserve())!.blocks).toEqual([{ agency: AGENCY, day: today, from: 2, to: 3 }, ...blocks]);
    const [dossier] = await db.dossiers.toArray();
    expect(dossier).toMatchObject({ code: received.code, provisionalCode: undefined });
    const [entry] = await db.outbox.toArray();
    expect(entry!.payload).toMatchObject({ id: received.id, code: received.code });
  });

  it('gives receipts made at the same time distinct numbers, official first, then provisional', async () => {
    const drafts = await Promise.all(Array.from({ length: 8 }, (_, i) => newDraft(`draft-${i}`)));
    const received = await Promise.all(drafts.map((data, i) => receiveDraft(`draft-${i}`, data, procedure, now)));

    const codes = received.map((r) => r.code);
    expect(new Set(codes).size).toBe(8);
    expect(codes.filter((_, i) => !received[i]!.provisional).sort()).toEqual([1, 2, 3].map((n) => `${AGENCY}-${today}-000${n}`));
    expect(codes.filter((_, i) => received[i]!.provisional).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `TAM-${DEVICE.short}-${today}-000${n}`));
    expect(await reserve()).toEqual({ agency: AGENCY, deviceShort: DEVICE.short, blocks: [], provisional: { day: today, last: 5 } });
    const stored = await getDb().dossiers.toArray();
    expect(stored.map((d) => d.code).sort()).toEqual([...codes].sort());
    expect(
      stored
        .filter((d) => d.provisionalCode)
        .map((d) => d.provisionalCode)
        .sort(),
    ).toEqual(codes.filter((c) => c.startsWith('TAM-')).sort());
  });
});
