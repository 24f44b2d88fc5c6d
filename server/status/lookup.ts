// What the citizen status page may tell about a dossier, found by its code or lookup code and
// shown only when the last 4 digits of the applicant's ID number match. Reads the few fields the
// page shows out of the stored DossierRow, never the rest (names, ID, address, phone, officers).
import { timingSafeEqual } from 'node:crypto';
import { idLastFour, type StatusLookupKey } from '../../src/domain/dossier';
import type { DossierStatusCode } from '../../src/domain/dossier';
import type { Queryable } from '../db/database';

/** Everything the page shows, and nothing it does not. */
export interface CitizenStatus {
  status: DossierStatusCode;
  /** The official code once the desk received it. */
  code: string | null;
  lookupCode: string | null;
  procedureName: string;
  appointmentAt: Date | null;
  resultReadyAt: Date | null;
  returnedAt: Date | null;
  /** Status 5: what the desk asked for (the lines of Mẫu 02, or the request's note). */
  missing: string[];
  /** Status 3: why the dossier was refused. */
  refusalReason: string | null;
}

interface Row {
  status: number;
  code: string | null;
  lookup_code: string | null;
  id_number: string | null;
  procedure_name: string | null;
  appointment_at: string | null;
  result_ready_at: string | null;
  returned_at: string | null;
  refusal_reason: string | null;
  items: string | null;
  notes: string | null;
}

// The row's DossierRow sits in `data`; its own DossierData in data.data. The notes are those of
// the log's supplement requests and refusals, in order, without who wrote them.
const SELECT = `select status, code, lookup_code,
    coalesce(data->>'applicantIdNumber', data->'data'->'intake'->'applicant'->>'idNumber') as id_number,
    data->'data'->'procedure'->>'name' as procedure_name,
    data->'data'->'state'->>'appointmentAt' as appointment_at,
    data->'data'->'state'->>'resultReadyAt' as result_ready_at,
    data->'data'->'state'->>'returnedAt' as returned_at,
    data->'data'->>'refusalReason' as refusal_reason,
    (data->'supplementRequest'->'items')::text as items,
    (select jsonb_agg(jsonb_build_object('action', e->>'action', 'note', e->>'note'))
       from jsonb_array_elements(data->'data'->'state'->'log') e
      where e->>'action' in ('requestSupplement', 'refuse'))::text as notes
  from dossiers`;

/** Compared when no dossier matched, so a wrong code costs the same compare as wrong digits. */
const NO_DIGITS = Buffer.from('\u0000\u0000\u0000\u0000');

/**
 * The dossier's status when `digits` are the last 4 of its applicant's ID number; null otherwise,
 * whether the code is unknown or the digits wrong (the caller answers both alike). The digits are
 * compared in constant time; the query is the same one index lookup either way.
 */
export async function findCitizenStatus(db: Queryable, key: StatusLookupKey, digits: string): Promise<CitizenStatus | null> {
  const where = key.kind === 'code' ? 'where code = $1' : 'where lookup_code = $1';
  // Two at most: a code is unique within a commune and names its agency, so one in practice.
  const rows = await db.query<Row>(`${SELECT} ${where} limit 2`, [key.value]);
  const given = Buffer.from(digits);
  let found: Row | null = null;
  for (const row of rows.length > 0 ? rows : [null]) {
    const own = row?.id_number ? idLastFour(row.id_number) : null;
    const expected = own ? Buffer.from(own) : NO_DIGITS;
    if (given.length === expected.length && timingSafeEqual(given, expected) && row) found = row;
  }
  return found ? toStatus(found) : null;
}

function toStatus(row: Row): CitizenStatus {
  const status = Number(row.status) as DossierStatusCode;
  const notes = parseJson<{ action: string; note: string | null }[]>(row.notes) ?? [];
  const noteOf = (action: string) =>
    notes
      .filter((n) => n.action === action && n.note)
      .map((n) => n.note!.trim())
      .at(-1) ?? null;
  const items = parseJson<{ name: string; reason: string }[]>(row.items) ?? [];
  let missing: string[] = [];
  if (status === 5) {
    missing =
      items.length > 0 ? items.map((i) => (i.reason ? `${i.name}: ${i.reason}` : i.name)) : [noteOf('requestSupplement')].filter((n): n is string => !!n);
  }
  return {
    status,
    code: row.code,
    lookupCode: row.lookup_code,
    procedureName: row.procedure_name ?? '',
    appointmentAt: dateOrNull(row.appointment_at),
    resultReadyAt: dateOrNull(row.result_ready_at),
    returnedAt: dateOrNull(row.returned_at),
    missing,
    refusalReason: status === 3 ? row.refusal_reason?.trim() || noteOf('refuse') : null,
  };
}

function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function dateOrNull(text: string | null): Date | null {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}
