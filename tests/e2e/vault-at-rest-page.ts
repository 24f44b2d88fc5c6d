// Runs inside a page for the vault-at-rest test (bundled by vault-at-rest.test.ts): writes a dossier
// with its draft, outbox entry and log note through the app's own database code, with the vault
// set up and open or never set up, then searches it back by name and by ID number.
import { emptyDossierFilter, MotcuaDb, queryDossierIds } from '../../src/db';
import { newMasterKey, setUpVault, vaultState } from '../../src/db/vault';

export interface Applicant {
  name: string;
  idNumber: string;
  address: string;
}

export async function writeAndSearch(applicant: Applicant, vault: boolean): Promise<{ state: string; byName: string[]; byIdNumber: string[] }> {
  const db = new MotcuaDb();
  await db.open();
  if (vault) await setUpVault(db, newMasterKey());
  const now = new Date().toISOString();
  const owner = { fullName: applicant.name, idNumber: applicant.idNumber, address: applicant.address };
  await db.transaction('rw', [db.dossiers, db.drafts, db.outbox, db.processingLog], async () => {
    await db.dossiers.add({
      id: 'd-1',
      code: '000.00.12.H38-261207-0001',
      status: 2,
      procedureCode: '1.001193',
      procedureName: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      catalogueVersion: 1,
      applicantName: applicant.name,
      applicantIdNumber: applicant.idNumber,
      receivedAt: now,
      dueAt: now,
      syncState: 'waiting',
      data: { intake: { owner } },
      updatedAt: now,
    });
    await db.drafts.add({ id: 'draft-1', procedureCode: '1.001193', procedure: {}, step: 'review', data: { owner }, createdAt: now, updatedAt: now });
    await db.outbox.add({ kind: 'dossier.receive', entityId: 'd-1', payload: { owner }, createdAt: now, status: 'pending', attempts: 0 });
    await db.processingLog.add({
      dossierId: 'd-1',
      at: now,
      who: 'Cán bộ',
      role: 'reception',
      action: 'receive',
      fromStatus: null,
      toStatus: 2,
      note: applicant.name,
    });
  });
  const search = (text: string) => queryDossierIds(db, { ...emptyDossierFilter, text });
  const result = { state: vaultState(db), byName: await search(applicant.name.split(' ').slice(-2).join(' ')), byIdNumber: await search(applicant.idNumber) };
  db.close();
  return result;
}
