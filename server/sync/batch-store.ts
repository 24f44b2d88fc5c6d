// What the entries of one push transaction read and write, gathered so the batch costs a few
// statements instead of several per entry: the rows its entries will look up are fetched together
// before they run (what was not foreseen is fetched alone), and their writes are kept in memory
// and written together before the commit. An entry refused half-way is undone in memory alone
// (undoTo), so its neighbours need no savepoint; a write the database refuses at the end fails
// the whole batch, which push.ts then applies again an entry at a time (see there).
import type { Queryable } from '../db/database';
import { MAX_SEQUENCE } from '../code-blocks';
import type { ChangeAuthor, DossierRecord, StoredDossier } from './dossier-store';

/** A dossier as any commune holds it: only enough to tell a replay from a clash (see kinds/receive.ts). */
export interface ExistingDossier {
  communeId: string;
  code: string;
  provisionalCode: string | null;
  createdByDevice: string | null;
  version: number;
}

/** What the entries of a batch will look up, as each kind foresees it (kinds/index.ts). */
export interface Lookups {
  dossierIds: string[];
  fileHashes: string[];
  /** Official codes sent by the device, as (day, sequence) of the commune's agency. */
  codes: { day: string; sequence: number }[];
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
  agency: string;
  day: string;
  /** The counter as locked at the first need in this batch. */
  first: number;
  next: number;
}

const idList = (values: Iterable<string>) => JSON.stringify([...new Set(values)]);

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

  constructor(
    private readonly tx: Queryable,
    private readonly communeId: string,
    private readonly agencyCode: string,
    private readonly deviceId: string,
    private readonly demoDeviceId: string,
  ) {}

  /** Fetches in one query each what the entries will look up, and `versions` server versions. */
  async prefetch(lookups: Lookups, versions: number): Promise<void> {
    const ids = lookups.dossierIds.filter((id) => !this.rows.has(id));
    if (ids.length > 0) await this.loadDossiers(ids);
    const hashes = lookups.fileHashes.filter((h) => !this.files.has(h));
    if (hashes.length > 0) await this.loadFiles(hashes);
    const codes = lookups.codes.filter((c) => !this.codes.has(`${c.day}/${c.sequence}`));
    if (codes.length > 0) await this.loadCodes(codes);
    if (versions > 0) await this.takeVersions(versions);
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
    if (!this.files.has(sha256)) await this.loadFiles([sha256]);
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
    if (!this.codes.has(key)) await this.loadCodes([{ day, sequence }]);
    return this.codes.get(key) ?? false;
  }

  /** The next server_version, taken under the commune lock (push.ts holds it). */
  async nextVersion(): Promise<number> {
    if (this.nextVersionAt >= this.versions.length) await this.takeVersions(1);
    const version = this.versions[this.nextVersionAt]!;
    this.nextVersionAt++;
    this.journal.push(() => this.nextVersionAt--);
    return version;
  }

  /** One number of the day's sequence for this device (an official code for a provisional one), or null when used up. */
  async reserveNumber(day: string): Promise<number | null> {
    let pool = this.pools.get(day);
    if (!pool) {
      const first = await this.lockCounter(day);
      pool = { agency: this.agencyCode, day, first, next: first };
      this.pools.set(day, pool);
    }
    if (pool.next > MAX_SEQUENCE) return null;
    const taken = pool;
    const number = taken.next++;
    this.journal.push(() => taken.next--);
    return number;
  }

  insertDossier(dossier: StoredDossier, version: number, author: ChangeAuthor, kind: string): void {
    this.setRow(
      dossier.id,
      { existing: { communeId: this.communeId, code: dossier.code, provisionalCode: dossier.provisionalCode ?? null, createdByDevice: author.deviceId, version }, dossier },
      { isNew: true, author, creator: author.deviceId, kind },
    );
  }

  updateDossier(record: DossierRecord, dossier: StoredDossier, version: number, author: ChangeAuthor, kind: string): void {
    const before = this.rows.get(record.id);
    const change = this.changes.get(record.id);
    if (!before) throw new Error('updateDossier: the dossier was not read through this batch');
    this.setRow(record.id, { existing: { ...before.existing, version }, dossier }, { isNew: change?.isNew ?? false, author, creator: change?.creator ?? before.existing.createdByDevice, kind });
  }

  /** The dossier must reach the province at this version (or a later one). */
  enqueueUpward(id: string, version: number): void {
    const before = this.upward.get(id);
    this.upward.set(id, Math.max(before ?? 0, version));
    this.journal.push(() => (before === undefined ? this.upward.delete(id) : this.upward.set(id, before)));
  }

  /** Writes what the batch changed: numbers, dossiers, the upward queue. */
  async flush(): Promise<void> {
    for (const pool of this.pools.values()) {
      if (pool.next === pool.first) continue;
      // One block per number, as reserveBlock would have made: the device's daily quota sums them.
      await this.tx.query(
        `with moved as (update code_counters set next_sequence = $4 where agency_code = $1 and day = $2)
         insert into code_blocks (agency_code, day, device_id, first_sequence, last_sequence)
         select $1, $2, $5, s, s from generate_series($3::int, $4::int - 1) as s`,
        [pool.agency, pool.day, pool.first, pool.next, this.deviceId],
      );
    }
    const inserted: unknown[] = [];
    const updated: unknown[] = [];
    for (const [id, change] of this.changes) {
      const row = this.rows.get(id)!;
      const dossier = row.dossier!;
      const columns = {
        id,
        status: dossier.status,
        due_at: dossier.status === 3 ? null : dossier.dueAt,
        data: dossier,
        version: row.existing.version,
        changed_by_device: change.author.deviceId,
        changed_by_staff: change.author.staffId,
        changed_by_name: change.author.name,
        change_kind: change.kind,
      };
      if (change.isNew) {
        inserted.push({
          ...columns,
          code: dossier.code,
          provisional_code: dossier.provisionalCode ?? null,
          procedure_code: dossier.procedureCode,
          received_at: dossier.receivedAt,
          created_by_device: change.creator,
        });
      } else {
        updated.push(columns);
      }
    }
    if (inserted.length > 0) {
      await this.tx.query(
        `insert into dossiers (id, commune_id, code, provisional_code, status, procedure_code, received_at, due_at, data, version,
                               created_by_device, changed_by_device, changed_by_staff, changed_by_name, change_kind)
         select r.id, $1, r.code, r.provisional_code, r.status, r.procedure_code, r.received_at, r.due_at, r.data, r.version,
                r.created_by_device, r.changed_by_device, r.changed_by_staff, r.changed_by_name, r.change_kind
           from jsonb_to_recordset($2::jsonb) as r(id text, code text, provisional_code text, status smallint, procedure_code text,
                received_at timestamptz, due_at timestamptz, data jsonb, version bigint, created_by_device text,
                changed_by_device text, changed_by_staff text, changed_by_name text, change_kind text)`,
        [this.communeId, JSON.stringify(inserted)],
      );
    }
    if (updated.length > 0) {
      await this.tx.query(
        `update dossiers d set status = r.status, due_at = r.due_at, data = r.data, version = r.version, changed_by_device = r.changed_by_device,
                changed_by_staff = r.changed_by_staff, changed_by_name = r.changed_by_name, change_kind = r.change_kind, updated_at = now()
           from jsonb_to_recordset($2::jsonb) as r(id text, status smallint, due_at timestamptz, data jsonb, version bigint,
                changed_by_device text, changed_by_staff text, changed_by_name text, change_kind text)
          where d.id = r.id and d.commune_id = $1`,
        [this.communeId, JSON.stringify(updated)],
      );
    }
    if (this.upward.size > 0) {
      await this.tx.query(
        `insert into upward_queue (dossier_id, commune_id, wanted_version)
         select r.id, $1, r.version from jsonb_to_recordset($2::jsonb) as r(id text, version bigint)
         on conflict (dossier_id) do update set wanted_version = greatest(upward_queue.wanted_version, excluded.wanted_version)`,
        [this.communeId, JSON.stringify([...this.upward].map(([id, version]) => ({ id, version })))],
      );
    }
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
    if (!this.rows.has(id)) await this.loadDossiers([id]);
    return this.rows.get(id) ?? null;
  }

  private async loadDossiers(ids: string[]): Promise<void> {
    // Locked like findDossier did: the commune lock already orders pushes, this keeps any other writer out too.
    const rows = await this.tx.query<{
      id: string;
      commune_id: string;
      code: string;
      provisional_code: string | null;
      created_by_device: string | null;
      version: unknown;
      data: StoredDossier | null;
    }>(
      `select id, commune_id, code, provisional_code, created_by_device, version, case when commune_id = $2 then data end as data
         from dossiers where id in (select jsonb_array_elements_text($1::jsonb)) for update`,
      [idList(ids), this.communeId],
    );
    for (const id of ids) this.rows.set(id, null);
    for (const r of rows) {
      const existing = { communeId: r.commune_id, code: r.code, provisionalCode: r.provisional_code, createdByDevice: r.created_by_device, version: Number(r.version) };
      this.rows.set(r.id, { existing, dossier: r.commune_id === this.communeId ? r.data : null });
    }
  }

  private async loadFiles(hashes: string[]): Promise<void> {
    const rows = await this.tx.query<{ sha256: string; size: unknown }>(
      `select f.sha256, f.size from commune_files c join files f on f.sha256 = c.sha256
        where c.commune_id = $1 and c.sha256 in (select jsonb_array_elements_text($2::jsonb))`,
      [this.communeId, idList(hashes)],
    );
    for (const h of hashes) this.files.set(h, null);
    for (const r of rows) this.files.set(r.sha256, Number(r.size));
  }

  private async loadCodes(codes: { day: string; sequence: number }[]): Promise<void> {
    const rows = await this.tx.query<{ day: string; sequence: number }>(
      `select r.day, r.sequence from jsonb_to_recordset($1::jsonb) as r(day text, sequence int)
        where exists (select 1 from code_blocks b join devices d on d.id = b.device_id
                       where b.agency_code = $2 and b.day = r.day and r.sequence between b.first_sequence and b.last_sequence
                         and d.commune_id = $3 and (b.device_id = $4 or b.device_id = $5 or d.revoked_at is not null))`,
      [JSON.stringify(codes), this.agencyCode, this.communeId, this.deviceId, this.demoDeviceId],
    );
    for (const c of codes) this.codes.set(`${c.day}/${c.sequence}`, false);
    for (const r of rows) this.codes.set(`${r.day}/${Number(r.sequence)}`, true);
  }

  private async takeVersions(n: number): Promise<void> {
    const rows = await this.tx.query<{ v: unknown }>(`select nextval('server_version_seq') as v from generate_series(1, $1::int)`, [n]);
    this.versions.push(...rows.map((r) => Number(r.v)).sort((a, b) => a - b));
  }

  /** Creates the day's counter if need be and locks it: a concurrent reservation for the same day waits until commit. */
  private async lockCounter(day: string): Promise<number> {
    const [row] = await this.tx.query<{ next_sequence: unknown }>(
      `insert into code_counters as c (agency_code, day, next_sequence) values ($1, $2, 1)
       on conflict (agency_code, day) do update set next_sequence = c.next_sequence
       returning next_sequence`,
      [this.agencyCode, day],
    );
    return Number(row?.next_sequence ?? MAX_SEQUENCE + 1);
  }
}
