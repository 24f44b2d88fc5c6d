// Demo mode's accounts in the demo commune: a desk officer and a community-team member (issue 15:
// signs in on a tablet enrolled with DEMO-TEAM) to sign in with, and the shared demo device that
// unauthenticated requests act as. Created only when demo mode is on; a gateway
// started without it disables the demo staff account (its password is public) and ends its sessions.
import type { Database } from '../db/database';
import { createStaff, revokeStaffSessions } from '../auth/staff';
import { demoCommune } from './demo';

export const DEMO_DEVICE = { id: 'demo-device', short: 'DEMO', name: 'Thiết bị dùng thử (chế độ demo)' } as const;
export const DEMO_STAFF = { username: 'canbo.demo', password: 'motcua-demo', fullName: 'Cán bộ Dùng Thử', role: 'receptionOfficer' } as const;
export const DEMO_TEAM_STAFF = { username: 'congnghe.demo', password: 'motcua-demo', fullName: 'Tổ Công Nghệ Dùng Thử', role: 'communityTeam' } as const;
/** Both demo accounts: their passwords are public, so they live and retire together. */
const DEMO_ACCOUNTS = [DEMO_STAFF, DEMO_TEAM_STAFF] as const;

/** Creates the demo device and staff member unless they exist; true when anything was created. */
export async function seedDemoAccounts(db: Database): Promise<boolean> {
  const device = await db.query(`insert into devices (id, commune_id, short, name) values ($1, $2, $3, $4) on conflict do nothing returning id`, [
    DEMO_DEVICE.id,
    demoCommune.id,
    DEMO_DEVICE.short,
    DEMO_DEVICE.name,
  ]);
  let changed = device.length > 0;
  for (const account of DEMO_ACCOUNTS) {
    const [existing] = await db.query<{ commune_id: string }>('select commune_id from staff where username = $1', [account.username]);
    const staff = existing ? null : await createStaff(db, { communeId: demoCommune.id, ...account });
    // Disabled by an earlier start without demo mode: back for this demo.
    const revived = await db.query('update staff set disabled_at = null where username = $1 and commune_id = $2 and disabled_at is not null returning id', [
      account.username,
      demoCommune.id,
    ]);
    changed ||= staff !== null || revived.length > 0;
  }
  return changed;
}

/**
 * Outside demo mode the demo staff account (public password) is disabled and its sessions end,
 * so a data folder that once ran the demo is not left with a door anyone can open. True when it did.
 */
export async function retireDemoAccounts(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      'update staff set disabled_at = now() where username = any($1::text[]) and commune_id = $2 and disabled_at is null returning id',
      [`{${DEMO_ACCOUNTS.map((a) => a.username).join(',')}}`, demoCommune.id],
    );
    for (const { id } of rows) await revokeStaffSessions(tx, id);
    return rows.length > 0;
  });
}
