// What the entries of one push transaction read and write, gathered so the batch costs a few
// statements instead of several per entry: the rows its entries will look up are fetched together
// before they run (what was not foreseen is fetched alone), and their writes are kept in memory
// and written together before the commit (on PostgreSQL, some sent ahead while the next entries
// are applied: sendAhead). An entry refused half-way is undone in memory alone (undoTo), so its
// neighbours need no savepoint; a write the database refuses fails the whole batch, which push.ts
// then applies again an entry at a time (see there).
import type { Queryable } from '../db/database';
import { MAX_SEQUENCE } from '../code-blocks';
import type { ChangeAuthor, DossierRecord, StoredDossier } from './dossier-store';

/** A dossier as any commune holds it: only enough to tell a replay from a clash (see kinds/receive.ts). */
export interface ExistingDossier {
  communeId: string;
  /** Null for a community team's submission not yet received (issue 15). */
  code: string | null;
  provisionalCode: string | null;
  lookupCode: string | null;
  createdByDevice: string | null;
  version: number;
}

/** What the entries of a batch will look up, as each kind foresees it (kinds/index.ts). */
export interface Lookups {
  dossierIds: string[];
  fileHashes: string[];
  /** Official codes sent by the device, as (day, sequence) of the commune's agency. */
  codes: { day: string; sequence: number }[];
  /** Days (YYMMDD) whose counter will give official codes to provisional ones. */
  days: string[];
}

/** A result to record in sync_mutations (push.ts). */
export interface RecordRow {
  mutation: number;
  kind: string;
  entity_id: string;
  entry_hash: string;
  result: unknown;
}

interface Row {
  existing: ExistingDossier;
  /** Null for another commune's dossier: this commune cannot read or change it. */
  dossier: StoredDossier | null;
}

interface Change {
  /** Inserted by this batch (not yet in the table) or updating a stored row. */
  isNew: boolean;
  author: ChangeAuthor;
  creator: string | null;
  kind: string;
}

interface NumberPool {
  day: string;
  /** The counter as locked at the first need in this batch. */
  first: number;
  next: number;
  /** Where the numbers not yet written as a block start (see sendAhead). */
  unwritten: number;
}

/**
 * Every read of a batch in one statement ($1 commune, $2 agency code, $3 device, $4 the demo
 * device; JSON lists: $5 dossier ids, $6 file hashes, $7 official codes, $8 days; $9 how many
 * versions): the dossiers under those ids in any commune (another commune's without its data),
 * locked; the commune's own copies of those files; which codes lie in a block this device may
 * spend (its own, the demo device's, a revoked device's of the commune: see kinds/receive.ts);
 * the days' counters, created if need be and locked until commit; new server versions.
 *
 * Dossiers, files and codes are looked up one key at a time (lateral). A statement's plan is
 * cached from its first uses, often on a young table: `id = any (…)` was then planned as a scan of
 * the whole table, and the cached plan kept scanning as the table grew (on PGlite, which never
 * analyses, until the gateway restarts: 11 ms a batch at 4,000 dossiers instead of 0.5). A lookup
 * by primary key per key is the plan at any size. Each lateral part is one the planner cannot
 * merge into a join of its own choosing (`for update`, `limit 1`): merged, the files were again
 * matched against all of the commune's files. A code is looked for in the blocks of the commune's
 * devices of that day (code_blocks_device), not among all the agency's blocks.
 * plan-probe.ts shows these plans; batch-plans.test.ts keeps them.
 */
export const READ = `
  with found as (
    select d.* from jsonb_array_elements_text($5::jsonb) as k (id)
     cross join lateral (
       select id, commune_id, code, provisional_code, lookup_code, created_by_device, version, case when commune_id = $1 then data end as data
         from dossiers where id = k.id
          for update) as d
  ), counters as (
    insert into code_counters as c (agency_code, day, next_sequence)
    select $2, d, 1 from jsonb_array_elements_text($8::jsonb) as d
    on conflict (agency_code, day) do update set next_sequence = c.next_sequence
    returning day, next_sequence
  )
  select
    (select coalesce(json_agg(found), '[]') from found) as dossiers,
    (select coalesce(json_agg(json_build_array(f.sha256, f.size)), '[]')
       from jsonb_array_elements_text($6::jsonb) as h (sha256)
      cross join lateral (
        select f.sha256, f.size from commune_files c join files f on f.sha256 = c.sha256 where c.commune_id = $1 and c.sha256 = h.sha256 limit 1) as f) as files,
    (select coalesce(json_agg(json_build_array(r.day, r.sequence)), '[]')
       from jsonb_to_recordset($7::jsonb) as r(day text, sequence int)
      cross join lateral (
        select from devices d join code_blocks b on b.device_id = d.id and b.day = r.day
         where d.commune_id = $1 and (d.id = $3 or d.id = $4 or d.revoked_at is not null)
           and b.agency_code = $2 and r.sequence between b.first_sequence and b.last_sequence limit 1) as b) as codes,
    (select coalesce(json_agg(json_build_array(day, next_sequence)), '[]') from counters) as counters,
    (select coalesce(json_agg(nextval('server_version_seq')), '[]') from generate_series(1, $9::int)) as versions`;

/**
 * Every write of a batch in one statement ($1 commune, $2 agency code, $3 device; JSON lists: $4
 * numbers drawn per day, $5 new dossiers, $6 changed dossiers, $7 upward raises, $8 results to
 * record). Each day's numbers become one block of this device, as the device's daily quota counts
 * them; a dossier's columns and its stored DossierRow are written together; the upward queue
 * references dossiers inserted by the same statement (foreign keys are checked at its end).
 *
 * Rows that exist are changed by an insert that meets them (`on conflict … do update`), never by
 * `update … from` a list: the row an insert meets is found through the key's index, whatever
 * plan is cached, while the update's join was cached on a young table as a hash of all the
 * commune's dossiers (or counters), rebuilt by every push as they grow (see READ on plans). The
 * changed dossiers were read and locked by this batch (READ), so each meets its row; they carry
 * every column only because an insert must name them. `where d.commune_id = $1` leaves another
 * commune's dossier as it was, as the update's condition did.
 */
export const WRITE = `
  with drawn as (
    select r.day, r.first, r.next from jsonb_to_recordset($4::jsonb) as r(day text, first int, next int)
  ), moved as (
    insert into code_counters as c (agency_code, day, next_sequence) select $2, day, next from drawn
    on conflict (agency_code, day) do update set next_sequence = excluded.next_sequence
  ), blocks as (
    insert into code_blocks (agency_code, day, device_id, first_sequence, last_sequence)
    select $2, day, $3, first, next - 1 from drawn
  ), added as (
    insert into dossiers (id, commune_id, code, provisional_code, lookup_code, status, procedure_code, received_at, due_at, data, version,
                          created_by_device, changed_by_device, changed_by_staff, changed_by_name, change_kind)
    select r.id, $1, r.code, r.provisional_code, r.lookup_code, r.status, r.procedure_code, r.received_at, r.due_at, r.data, r.version,
           r.created_by_device, r.changed_by_device, r.changed_by_staff, r.changed_by_name, r.change_kind
      from jsonb_to_recordset($5::jsonb) as r(id text, code text, provisional_code text, lookup_code text, status smallint, procedure_code text,
           received_at timestamptz, due_at timestamptz, data jsonb, version bigint, created_by_device text,
           changed_by_device text, changed_by_staff text, changed_by_name text, change_kind text)
  ), changed as (
    insert into dossiers as d (id, commune_id, code, provisional_code, lookup_code, status, procedure_code, received_at, due_at, data, version,
                               created_by_device, changed_by_device, changed_by_staff, changed_by_name, change_kind)
    select r.id, $1, r.code, r.provisional_code, r.lookup_code, r.status, r.procedure_code, r.received_at, r.due_at, r.data, r.version,
           r.created_by_device, r.changed_by_device, r.changed_by_staff, r.changed_by_name, r.change_kind
      from jsonb_to_recordset($6::jsonb) as r(id text, code text, provisional_code text, lookup_code text, status smallint, procedure_code text,
           received_at timestamptz, due_at timestamptz, data jsonb, version bigint, created_by_device text,
           changed_by_device text, changed_by_staff text, changed_by_name text, change_kind text)
    on conflict (id) do update set status = excluded.status, due_at = excluded.due_at, data = excluded.data, version = excluded.version,
           -- A submission gets its code and time of receipt when a desk receives it (issue 15); otherwise these stay as they were.
           code = excluded.code, provisional_code = excluded.provisional_code, received_at = excluded.received_at,
           changed_by_device = excluded.changed_by_device, changed_by_staff = excluded.changed_by_staff, changed_by_name = excluded.changed_by_name,
           change_kind = excluded.change_kind, updated_at = now()
     where d.commune_id = $1
  ), raised as (
    insert into upward_queue (dossier_id, commune_id, wanted_version)
    select r.id, $1, r.version from jsonb_to_recordset($7::jsonb) as r(id text, version bigint)
    on conflict (dossier_id) do update set wanted_version = greatest(upward_queue.wanted_version, excluded.wanted_version)
  )
  insert into sync_mutations (device_id, mutation, kind, entity_id, entry_hash, result)
  select $3, r.mutation, r.kind, r.entity_id, r.entry_hash, r.result
    from jsonb_to_recordset($8::jsonb) as r(mutation bigint, kind text, entity_id text, entry_hash text, result jsonb)
  on conflict (device_id, mutation) do nothing
  returning mutation`;

export class BatchStore {
  private readonly rows = new Map<string, Row | null>();
  private readonly changes = new Map<string, Change>();
  private readonly upward = new Map<string, number>();
  private readonly files = new Map<string, number | null>();
  private readonly codes = new Map<string, boolean>();
  private readonly pools = new Map<string, NumberPool>();
  private versions: number[] = [];
  private nextVersionAt = 0;
  /** How to put back what entries did, newest last; undoTo runs it backwards. */
  private readonly journal: (() => void)[] = [];
  /** Writes sent ahead (sendAhead), in the order sent, answered or not. */
  private readonly sent: Promise<Set<number>>[] = [];

  constructor(
    private readonly tx: Queryable,
    private readonly communeId: string,
    private readonly agencyCode: string,
    private readonly deviceId: string,
    private readonly demoDeviceId: string,
  ) {}

  /**
   * Fetches in one statement what the entries will look up, locks the days' number counters they
   * will draw from, and takes `versions` server versions (gaps left by refusals are harmless).
   */
  async prefetch(lookups: Lookups, versions: number): Promise<void> {
    await this.gather({
      dossierIds: lookups.dossierIds.filter((id) => !this.rows.has(id)),
      fileHashes: lookups.fileHashes.filter((h) => !this.files.has(h)),
      codes: lookups.codes.filter((c) => !this.codes.has(`${c.day}/${c.sequence}`)),
      days: lookups.days.filter((d) => !this.pools.has(d)),
      versions,
    });
  }

  /** Where the journal stands: undoTo(mark) forgets everything done since. */
  mark(): number {
    return this.journal.length;
  }

  undoTo(mark: number): void {
    while (this.journal.length > mark) this.journal.pop()!();
  }

  /** The commune's dossier (as this batch left it), or null; another commune's dossier is not found. */
  async dossier(id: string): Promise<DossierRecord | null> {
    const row = await this.row(id);
    if (!row?.dossier) return null;
    return { id, communeId: this.communeId, version: row.existing.version, dossier: row.dossier };
  }

  /** The dossier under this id in any commune: only to tell a replay from a clash, never to answer with. */
  async dossierAnywhere(id: string): Promise<ExistingDossier | null> {
    return (await this.row(id))?.existing ?? null;
  }

  /** The size of the commune's own copy of a file, or null: a dossier cannot name another commune's paper. */
  async fileSize(sha256: string): Promise<number | null> {
    if (!this.files.has(sha256)) await this.gather({ fileHashes: [sha256] });
    return this.files.get(sha256) ?? null;
  }

  /**
   * Whether the number was reserved for this device, or for an identity of the commune that can no
   * longer spend it itself (the demo device, a revoked device): see officialCodeFor.
   */
  async codeReserved(day: string, sequence: number): Promise<boolean> {
    const pool = this.pools.get(day);
    if (pool && sequence >= pool.first && sequence < pool.next) return true;
    const key = `${day}/${sequence}`;
    if (!this.codes.has(key)) await this.gather({ codes: [{ day, sequence }] });
    return this.codes.get(key) ?? false;
  }

  /**
   * The id of the dossier holding a tracking slip's lookup code, in any commune (the public status
   * page serves them all), as this batch left it; null when the code is free. Not prefetched:
   * only a community team's submissions ask, one each.
   */
  async lookupCodeHolder(code: string): Promise<string | null> {
    for (const [id, row] of this.rows) if (row?.existing.lookupCode === code) return id;
    const [found] = await this.tx.query<{ id: string }>('select id from dossiers where lookup_code = $1', [code]);
    return found?.id ?? null;
  }

  /** The next server_version, taken under the commune lock (push.ts holds it). */
  async nextVersion(): Promise<number> {
    if (this.nextVersionAt >= this.versions.length) await this.gather({ versions: 1 });
    const version = this.versions[this.nextVersionAt]!;
    this.nextVersionAt++;
    this.journal.push(() => this.nextVersionAt--);
    return version;
  }

  /** One number of the day's sequence for this device (an official code for a provisional one), or null when used up. */
  async reserveNumber(day: string): Promise<number | null> {
    if (!this.pools.has(day)) await this.gather({ days: [day] });
    const taken = this.pools.get(day)!;
    if (taken.next > MAX_SEQUENCE) return null;
    const number = taken.next++;
    this.journal.push(() => taken.next--);
    return number;
  }

  insertDossier(dossier: StoredDossier, version: number, author: ChangeAuthor, kind: string): void {
    this.setRow(
      dossier.id,
      {
        existing: {
          communeId: this.communeId,
          code: dossier.code ?? null,
          provisionalCode: dossier.provisionalCode ?? null,
          lookupCode: dossier.lookupCode ?? null,
          createdByDevice: author.deviceId,
          version,
        },
        dossier,
      },
      { isNew: true, author, creator: author.deviceId, kind },
    );
  }

  updateDossier(record: DossierRecord, dossier: StoredDossier, version: number, author: ChangeAuthor, kind: string): void {
    const before = this.rows.get(record.id);
    const change = this.changes.get(record.id);
    if (!before) throw new Error('updateDossier: the dossier was not read through this batch');
    this.setRow(
      record.id,
      { existing: { ...before.existing, code: dossier.code ?? null, provisionalCode: dossier.provisionalCode ?? null, version }, dossier },
      { isNew: change?.isNew ?? false, author, creator: change?.creator ?? before.existing.createdByDevice, kind },
    );
  }

  /** The dossier must reach the province at this version (or a later one). */
  enqueueUpward(id: string, version: number): void {
    const before = this.upward.get(id);
    this.upward.set(id, Math.max(before ?? 0, version));
    this.journal.push(() => (before === undefined ? this.upward.delete(id) : this.upward.set(id, before)));
  }

  /**
   * Sends, in one statement, what the entries applied so far changed, with their records, and
   * does not wait for the answer: on a database server the statement runs while the next entries
   * are applied here. What is sent is no longer pending, so it can no longer be undone (send only
   * between entries): a dossier it inserts is updated by what follows, and the next numbers drawn
   * from a day form a block of their own. A failure comes out of flush, or of sentFailure.
   */
  sendAhead(records: RecordRow[]): void {
    const write = this.write(records);
    // Awaited by flush or sentFailure; until then a refusal must not count as unhandled.
    write.catch(() => undefined);
    this.sent.push(write);
  }

  /** Once every write sent ahead has answered: the first one's failure, or undefined. */
  async sentFailure(): Promise<unknown> {
    for (const write of this.sent) {
      try {
        await write;
      } catch (err) {
        return err;
      }
    }
    return undefined;
  }

  /**
   * Writes, in one statement, what the batch changed (numbers, dossiers, the upward queue) and
   * not yet sent, and the results to record; answers the mutations recorded, those sent ahead
   * included (one recorded meanwhile by another push keeps its record: see push.ts). The first
   * failure of a write, sent ahead or last, is thrown.
   */
  async flush(records: RecordRow[]): Promise<Set<number>> {
    const last = this.write(records);
    last.catch(() => undefined);
    const recorded = new Set<number>();
    for (const write of [...this.sent, last]) for (const mutation of await write) recorded.add(mutation);
    return recorded;
  }

  /** Sends the pending writes with these records (see WRITE) and forgets them as pending. */
  private write(records: RecordRow[]): Promise<Set<number>> {
    const blocks = [...this.pools.values()].filter((p) => p.next > p.unwritten).map((p) => ({ day: p.day, first: p.unwritten, next: p.next }));
    const inserted: unknown[] = [];
    const updated: unknown[] = [];
    for (const [id, change] of this.changes) {
      const row = this.rows.get(id)!;
      const dossier = row.dossier!;
      const columns = {
        id,
        status: dossier.status,
        due_at: dossier.status === 3 ? null : (dossier.dueAt ?? null),
        data: dossier,
        version: row.existing.version,
        changed_by_device: change.author.deviceId,
        changed_by_staff: change.author.staffId,
        changed_by_name: change.author.name,
        change_kind: change.kind,
      };
      // A changed dossier carries every column too: it is written as an insert that meets its row (see WRITE).
      (change.isNew ? inserted : updated).push({
        ...columns,
        code: dossier.code ?? null,
        provisional_code: dossier.provisionalCode ?? null,
        lookup_code: dossier.lookupCode ?? null,
        procedure_code: dossier.procedureCode,
        received_at: dossier.receivedAt ?? null,
        created_by_device: change.creator,
      });
    }
    const upward = [...this.upward].map(([id, version]) => ({ id, version }));
    for (const pool of this.pools.values()) pool.unwritten = pool.next;
    this.changes.clear();
    this.upward.clear();
    this.journal.length = 0;
    if (blocks.length + inserted.length + updated.length + upward.length + records.length === 0) return Promise.resolve(new Set());
    const params = [
      this.communeId,
      this.agencyCode,
      this.deviceId,
      JSON.stringify(blocks),
      JSON.stringify(inserted),
      JSON.stringify(updated),
      JSON.stringify(upward),
      JSON.stringify(records),
    ];
    return this.tx.query<{ mutation: unknown }>(WRITE, params).then((rows) => new Set(rows.map((r) => Number(r.mutation))));
  }

  private setRow(id: string, row: Row, change: Change): void {
    const beforeRow = this.rows.get(id);
    const beforeChange = this.changes.get(id);
    this.rows.set(id, row);
    this.changes.set(id, change);
    this.journal.push(() => {
      if (beforeRow === undefined) this.rows.delete(id);
      else this.rows.set(id, beforeRow);
      if (beforeChange) this.changes.set(id, beforeChange);
      else this.changes.delete(id);
    });
  }

  private async row(id: string): Promise<Row | null> {
    if (!this.rows.has(id)) await this.gather({ dossierIds: [id] });
    return this.rows.get(id) ?? null;
  }

  /** One statement for every read of the batch (see READ); what it was asked about and did not find is known absent. */
  private async gather(ask: Partial<Lookups> & { versions?: number }): Promise<void> {
    const ids = [...new Set(ask.dossierIds ?? [])];
    const hashes = [...new Set(ask.fileHashes ?? [])];
    const codes = ask.codes ?? [];
    const days = [...new Set(ask.days ?? [])];
    const versions = ask.versions ?? 0;
    if (ids.length + hashes.length + codes.length + days.length + versions === 0) return;
    const [found] = await this.tx.query<{
      dossiers: {
        id: string;
        commune_id: string;
        code: string | null;
        provisional_code: string | null;
        lookup_code: string | null;
        created_by_device: string | null;
        version: unknown;
        data: StoredDossier | null;
      }[];
      files: [string, unknown][];
      codes: [string, unknown][];
      counters: [string, unknown][];
      versions: unknown[];
    }>(READ, [
      this.communeId,
      this.agencyCode,
      this.deviceId,
      this.demoDeviceId,
      JSON.stringify(ids),
      JSON.stringify(hashes),
      JSON.stringify(codes),
      JSON.stringify(days),
      versions,
    ]);
    if (!found) throw new Error('batch read answered no row');
    for (const id of ids) this.rows.set(id, null);
    for (const r of found.dossiers) {
      const existing = {
        communeId: r.commune_id,
        code: r.code,
        provisionalCode: r.provisional_code,
        lookupCode: r.lookup_code,
        createdByDevice: r.created_by_device,
        version: Number(r.version),
      };
      this.rows.set(r.id, { existing, dossier: r.commune_id === this.communeId ? r.data : null });
    }
    for (const h of hashes) this.files.set(h, null);
    for (const [sha256, size] of found.files) this.files.set(sha256, Number(size));
    for (const c of codes) this.codes.set(`${c.day}/${c.sequence}`, false);
    for (const [day, sequence] of found.codes) this.codes.set(`${day}/${Number(sequence)}`, true);
    for (const [day, next] of found.counters) {
      const first = Number(next);
      this.pools.set(day, { day, first, next: first, unwritten: first });
    }
    this.versions.push(...found.versions.map(Number).sort((a, b) => a - b));
  }
}
