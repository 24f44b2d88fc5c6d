// Communes as the API shows them (the app's CommuneInfo), and their creation by the province.
import { randomUUID } from 'node:crypto';
import type { CommuneInfo } from '../../src/domain/geo';
import type { Queryable } from './database';

export type { CommuneInfo } from '../../src/domain/geo';

const columns = 'id, name, province_code as "provinceCode", agency_code as "agencyCode", office_hours as "officeHours"';

export async function communeById(db: Queryable, id: string): Promise<CommuneInfo | null> {
  const [row] = await db.query<CommuneInfo>(`select ${columns} from communes where id = $1`, [id]);
  return row ?? null;
}

export interface NewCommune {
  id?: string | undefined;
  name: string;
  provinceCode: string;
  agencyCode: string;
  officeHours: unknown;
}

/** Inserts a commune; null when its id or agency code is already taken. */
export async function insertCommune(db: Queryable, input: NewCommune): Promise<CommuneInfo | null> {
  const [row] = await db.query<CommuneInfo>(
    `insert into communes (id, name, province_code, agency_code, office_hours) values ($1, $2, $3, $4, $5::jsonb)
     on conflict do nothing returning ${columns}`,
    [input.id ?? randomUUID(), input.name, input.provinceCode, input.agencyCode, JSON.stringify(input.officeHours)],
  );
  return row ?? null;
}
