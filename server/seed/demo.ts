// The demo commune created on first start, so a newcomer's app has a unit to talk to, with the
// demo procedure catalogue (version 1) so its devices have one to fetch.
import { demoCatalogue } from '../../src/domain/catalogue';
import { currentVersion, publishCatalogue } from '../db/catalogues';
import type { Database } from '../db/database';

export const demoCommune = {
  id: 'demo-ban-mau',
  name: 'Xã Bản Mẫu (dữ liệu mẫu)',
  provinceCode: '15',
  agencyCode: '000.00.12.H38',
  // Same shape as src/domain/calendar's office-hours settings, parsed by the app.
  officeHours: {
    periods: [
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
    hoursPerWorkingDay: 8,
    sameDayCutoff: '15:00',
  },
} as const;

/**
 * Inserts the demo commune unless it is there, and its demo catalogue unless it has one (a data
 * folder made before catalogues existed gets it too); returns true when the commune was created now.
 */
export async function seedDemoCommune(db: Database): Promise<boolean> {
  const rows = await db.query(
    `insert into communes (id, name, province_code, agency_code, office_hours)
     values ($1, $2, $3, $4, $5::jsonb)
     on conflict (id) do nothing returning id`,
    [demoCommune.id, demoCommune.name, demoCommune.provinceCode, demoCommune.agencyCode, JSON.stringify(demoCommune.officeHours)],
  );
  await seedDemoCatalogue(db);
  return rows.length === 1;
}

/** Publishes the demo catalogue for the demo commune if it has none; true when it did. */
export async function seedDemoCatalogue(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await currentVersion(tx, demoCommune.id)) !== null) return false;
    return (await publishCatalogue(tx, demoCommune.id, demoCatalogue())).kind === 'published';
  });
}
