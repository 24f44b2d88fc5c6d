// Demo mode's accounts in the demo commune: a staff member to sign in with and the shared demo
// device that unauthenticated requests act as. Created only when demo mode is on; a real
// province runs with MOTCUA_DEMO=0 and has neither.
import type { Database } from '../db/database';
import { createStaff } from '../auth/staff';
import { demoCommune } from './demo';

export const DEMO_DEVICE = { id: 'demo-device', short: 'DEMO', name: 'Thiết bị dùng thử (chế độ demo)' } as const;
export const DEMO_STAFF = { username: 'canbo.demo', password: 'motcua-demo', fullName: 'Cán bộ Dùng Thử', role: 'receptionOfficer' } as const;

/** Creates the demo device and staff member unless they exist; true when anything was created. */
export async function seedDemoAccounts(db: Database): Promise<boolean> {
  const device = await db.query(
    `insert into devices (id, commune_id, short, name) values ($1, $2, $3, $4) on conflict do nothing returning id`,
    [DEMO_DEVICE.id, demoCommune.id, DEMO_DEVICE.short, DEMO_DEVICE.name],
  );
  const [existing] = await db.query('select id from staff where username = $1', [DEMO_STAFF.username]);
  const staff = existing ? null : await createStaff(db, { communeId: demoCommune.id, ...DEMO_STAFF });
  return device.length > 0 || staff !== null;
}
