// The device's unsynced work as backup items (export), and their merge on a device of the same
// commune (import): every entry keeps the device and mutation number it was made under, so the
// gateway applies it once whichever device sends it, and a second import of the file adds nothing.
import {
  BACKUP_FORMAT,
  backupItemSchema,
  type BackupEnd,
  type BackupEntry,
  type BackupFileHead,
  type BackupItem,
  type BackupKind,
  type BackupMeta,
  type BackupProcessingLog,
} from '../domain/backup';
import { MotcuaError } from '../domain/errors';
import type { MotcuaDb } from './db';
import { COMMUNE_KEY, DEVICE_KEY, type DeviceIdentity } from './device';
import type { CommuneInfo } from '../domain/geo';
import { logKey } from './pulled-dossier';
import type { AttachmentRow, DossierRow, DraftRow, FileRow, OutboxEntry, ProcessingLogRow } from './schema';
import { openBlob, sealBlob } from './vault/blobs';

/** A backup item as it travels: a head (parsed by schema on import) and, for a file, its bytes. */
export interface BackupRecord {
  head: unknown;
  body?: Blob;
}

/** What a backup carries, read in one transaction: the unacknowledged work, or the whole commune's data on this device. */
export interface UnsyncedWork {
  meta: BackupMeta;
  entries: BackupEntry[];
  dossiers: DossierRow[];
  drafts: DraftRow[];
  attachments: AttachmentRow[];
  /** The carried dossiers' processing-log lines (Nhật ký xử lý), without their local ids. */
  processingLog: BackupProcessingLog[];
  /** Their blobs as stored (sealed once the vault is set up): backupRecords opens them. */
  files: FileRow[];
  /** Where they were read, to open the files. */
  db: MotcuaDb;
}

/** The key the gateway records an entry under: (device, mutation). */
const keyOf = (device: string, mutation: number) => `${device}/${mutation}`;

/** Where an entry of this outbox was made and under which number (its own seq unless carried here). */
function originOf(entry: OutboxEntry, me: string): { originDevice: string; mutation: number } {
  return { originDevice: entry.originDevice ?? me, mutation: entry.mutation ?? entry.seq! };
}

/** Owners of attachments that belong with a dossier or draft (its pages live under `<id>#pages`, …). */
const ownerRoot = (ownerId: string) => ownerId.split('#')[0]!;

/** Fields derived on write (dossier-index.ts): never carried, rebuilt by the middleware on import. */
function withoutDerived(row: DossierRow): DossierRow {
  const { searchWords: _words, openDueAt: _due, searchPairs: _pairs, ...rest } = row;
  return rest;
}

/**
 * The log rows of these dossiers, one index lookup each. Not where().anyOf(): its cursor walk reads the
 * cursor's key, which throws "Illegal invocation" in Chromium through the vault's cursor wrapper
 * (vault/middleware.ts, openedCursor) on a sealed table such as processingLog.
 */
async function logsOf(db: MotcuaDb, dossierIds: readonly string[]): Promise<ProcessingLogRow[]> {
  return (await Promise.all(dossierIds.map((id) => db.processingLog.where('dossierId').equals(id).toArray()))).flat();
}

/** A log row as carried: the local id left behind (each device numbers its own), the rest as stored. */
function carriedLogRow(row: ProcessingLogRow): BackupProcessingLog {
  return {
    dossierId: row.dossierId,
    at: row.at,
    who: row.who,
    role: row.role,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    ...(row.note !== undefined ? { note: row.note } : {}),
  };
}

/**
 * Reads the outbox (quarantine included: none of it is acknowledged), the dossiers it names (every
 * dossier for a full backup) with their processing logs, every draft, their attachments and the stored files they use. Refused
 * on a device not enrolled: an export must name its commune, or no device could take it in.
 */
export async function readUnsyncedWork(db: MotcuaDb, now = new Date(), kind: BackupKind = 'unsynced'): Promise<UnsyncedWork> {
  return db.transaction('r', [db.settings, db.outbox, db.dossiers, db.drafts, db.attachments, db.files, db.processingLog], async () => {
    const device = (await db.settings.get(DEVICE_KEY))?.value as DeviceIdentity | undefined;
    const commune = (await db.settings.get(COMMUNE_KEY))?.value as CommuneInfo | undefined;
    if (!device?.enrolledAt || !commune) throw new MotcuaError('backup.not_enrolled', 'Thiết bị chưa được kích hoạt với một xã: chưa sao lưu được.');
    const outbox = await db.outbox.orderBy('seq').toArray();
    const entries: BackupEntry[] = outbox.map((e) => ({
      t: 'entry',
      ...originOf(e, device.id),
      kind: e.kind,
      entityId: e.entityId,
      payload: e.payload,
      createdAt: e.createdAt,
      // One being sent now may or may not arrive: carried as waiting, the gateway's record settles it.
      status: e.status === 'rejected' ? 'rejected' : 'pending',
      attempts: e.attempts,
      ...(e.lastError !== undefined ? { lastError: e.lastError } : {}),
      ...(e.lastErrorCode !== undefined ? { lastErrorCode: e.lastErrorCode } : {}),
    }));
    const dossierIds = [...new Set(outbox.filter((e) => e.kind.startsWith('dossier.')).map((e) => e.entityId))];
    const rows = kind === 'full' ? await db.dossiers.toArray() : await db.dossiers.bulkGet(dossierIds);
    const dossiers = rows.filter((d): d is DossierRow => d !== undefined).map(withoutDerived);
    const drafts = await db.drafts.toArray();
    const owners = new Set([...dossiers.map((d) => d.id), ...drafts.map((d) => d.id)]);
    // Attachments are few beside files; one walk finds those under every owner and its derived owners.
    const attachments = await db.attachments.filter((a) => owners.has(ownerRoot(a.ownerId))).toArray();
    const hashes = [...new Set(attachments.map((a) => a.sha256))];
    const files = (await db.files.bulkGet(hashes)).filter((f): f is FileRow => f !== undefined);
    // Without them a dossier restored from the file would show an empty Nhật ký xử lý. A full backup
    // carries every dossier, so the table is read whole rather than through thousands of keys.
    const carried = new Set(dossiers.map((d) => d.id));
    const logRows = kind === 'full' ? await db.processingLog.toArray() : await logsOf(db, [...carried]);
    const processingLog = logRows
      .filter((r) => carried.has(r.dossierId))
      .sort((x, y) => (x.dossierId < y.dossierId ? -1 : x.dossierId > y.dossierId ? 1 : x.at < y.at ? -1 : x.at > y.at ? 1 : 0))
      .map(carriedLogRow);
    const meta: BackupMeta = { t: 'meta', kind, deviceId: device.id, communeId: commune.id, exportedAt: now.toISOString(), format: BACKUP_FORMAT };
    return { meta, entries, dossiers, drafts, attachments, processingLog, files, db };
  });
}

/**
 * The work as backup records, in the order import expects: meta, entries, rows, files, end. Each
 * file is opened (vault/blobs.ts) as it is written, one at a time: a backup carries clear bytes
 * (another device holds another key; the backup file is sealed whole by its passphrase).
 */
export async function* backupRecords(work: UnsyncedWork): AsyncGenerator<BackupRecord> {
  yield { head: work.meta };
  for (const entry of work.entries) yield { head: entry };
  for (const row of work.dossiers) yield { head: { t: 'dossier', row } };
  for (const row of work.drafts) yield { head: { t: 'draft', row } };
  for (const row of work.attachments) yield { head: { t: 'attachment', row } };
  for (const row of work.processingLog) yield { head: { t: 'processingLog', row } };
  for (const file of work.files) {
    const body = await openBlob(work.db, file.blob);
    const head: BackupFileHead = { t: 'file', sha256: file.sha256, type: file.type, size: body.size, createdAt: file.createdAt };
    yield { head, body };
  }
  const end: BackupEnd = {
    t: 'end',
    entries: work.entries.length,
    dossiers: work.dossiers.length,
    drafts: work.drafts.length,
    attachments: work.attachments.length,
    files: work.files.length,
    processingLog: work.processingLog.length,
  };
  yield { head: end };
}

/** A backup read back whole and checked by schema, before anything is written. */
export interface BackupContent {
  meta: BackupMeta;
  entries: BackupEntry[];
  dossiers: DossierRow[];
  drafts: DraftRow[];
  attachments: AttachmentRow[];
  /** Empty in a file of format 1, which did not carry them. */
  processingLog: BackupProcessingLog[];
  files: { head: BackupFileHead; blob: Blob }[];
}

const BAD_CONTENT = 'Nội dung tệp sao lưu không đúng cấu trúc; không có gì được nhập.';
const bad = (why: string) => new MotcuaError('backup.bad_content', BAD_CONTENT, { why });

/** Reads every record (the whole file, so a cut or altered one is found before any write). */
export async function readBackupRecords(records: AsyncIterable<BackupRecord>): Promise<BackupContent> {
  let meta: BackupMeta | undefined;
  let end: BackupEnd | undefined;
  const content: Omit<BackupContent, 'meta'> = { entries: [], dossiers: [], drafts: [], attachments: [], processingLog: [], files: [] };
  const dossierIds = new Set<string>();
  for await (const record of records) {
    const parsed = backupItemSchema.safeParse(record.head);
    if (!parsed.success) throw bad(parsed.error.issues[0]?.path.join('.') ?? 'item');
    const item: BackupItem = parsed.data;
    if (end) throw bad('after end');
    if (!meta && item.t !== 'meta') throw bad('no meta first');
    switch (item.t) {
      case 'meta':
        if (meta) throw bad('two metas');
        // Made by a newer app: what it carries may not be what this one would write back.
        if ((item.format ?? 1) > BACKUP_FORMAT) {
          throw new MotcuaError('backup.unsupported_version', 'Tệp sao lưu được tạo bởi phiên bản ứng dụng mới hơn.', { format: item.format ?? 1 });
        }
        meta = item;
        break;
      case 'entry':
        content.entries.push(item);
        break;
      case 'dossier':
        content.dossiers.push(item.row as unknown as DossierRow);
        dossierIds.add(item.row.id);
        break;
      case 'draft':
        content.drafts.push(item.row as unknown as DraftRow);
        break;
      case 'attachment':
        content.attachments.push(item.row);
        break;
      case 'processingLog':
        // Format 1 had none; a line always comes after the dossier it belongs to.
        if ((meta!.format ?? 1) < 2 || !dossierIds.has(item.row.dossierId)) throw bad('processingLog');
        content.processingLog.push(item.row);
        break;
      case 'file':
        if (!record.body || record.body.size !== item.size) throw bad('file size');
        content.files.push({ head: item, blob: record.body });
        break;
      case 'end':
        end = item;
        break;
    }
  }
  if (!meta || !end) throw bad('no end');
  // Format 1's end has no log count, format 2's must: a file cut before its log lines is caught either way.
  if ((meta.format ?? 1) >= 2 !== (end.processingLog !== undefined)) throw bad('counts');
  const counts = [content.entries, content.dossiers, content.drafts, content.attachments, content.files, content.processingLog].map((l) => l.length);
  if (counts.join() !== [end.entries, end.dossiers, end.drafts, end.attachments, end.files, end.processingLog ?? 0].join()) throw bad('counts');
  return { meta, ...content };
}

/** What an import did. Zero everywhere: the file was taken in before (or held nothing new). */
export interface MergeReport {
  entries: number;
  dossiers: number;
  drafts: number;
  files: number;
  /** Processing-log lines added (those a dossier here already had are left out). */
  processingLog: number;
  /** Entries left out: already on this device, or this device's own that the gateway has answered. */
  skipped: number;
}

/**
 * Merges a backup in one transaction: all of it or, on any failure, nothing. Refused unless this
 * device is enrolled in the backup's commune. An entry already here under the same (device,
 * mutation) is left out, and so is one of this device's own no longer in its outbox (the gateway
 * answered it); rows, drafts, attachments and files already here are kept as they are. A log
 * line is added unless its dossier already has one of the same instant and action (the same
 * move, as pull and the Nhật ký view count it), so no import, first or repeated, doubles a line.
 */
export async function mergeBackup(db: MotcuaDb, backup: BackupContent): Promise<MergeReport> {
  // The files sealed under this device's key before the transaction (Web Crypto's await would end it),
  // one at a time: all at once would hold every file's bytes, clear and sealed, in the page together.
  // A file already stored here is not sealed again (the transaction keeps the stored one anyway).
  const files: { head: BackupFileHead; blob: Blob }[] = [];
  for (const { head, blob } of backup.files) {
    if (await db.files.get(head.sha256)) continue;
    files.push({ head, blob: await sealBlob(db, blob) });
  }
  return db.transaction(
    'rw',
    [db.settings, db.outbox, db.dossiers, db.drafts, db.attachments, db.files, db.processingLog, db.dossierFacts, db.reportPacks],
    async () => {
      const device = (await db.settings.get(DEVICE_KEY))?.value as DeviceIdentity | undefined;
      const commune = (await db.settings.get(COMMUNE_KEY))?.value as CommuneInfo | undefined;
      if (!device?.enrolledAt || !commune) throw new MotcuaError('backup.not_enrolled', 'Thiết bị chưa được kích hoạt với một xã: hãy kích hoạt rồi nhập tệp.');
      if (backup.meta.communeId !== commune.id) {
        throw new MotcuaError('backup.other_commune', 'Tệp sao lưu này thuộc một xã khác; không có gì được nhập.', { communeId: backup.meta.communeId });
      }
      const report: MergeReport = { entries: 0, dossiers: 0, drafts: 0, files: 0, processingLog: 0, skipped: 0 };
      const held = new Set((await db.outbox.toArray()).map((e) => keyOf(originOf(e, device.id).originDevice, originOf(e, device.id).mutation)));
      const waiting = new Set<string>();
      for (const entry of backup.entries) {
        const key = keyOf(entry.originDevice, entry.mutation);
        if (held.has(key) || entry.originDevice === device.id) {
          report.skipped++;
          continue;
        }
        held.add(key);
        const row: OutboxEntry = {
          kind: entry.kind,
          entityId: entry.entityId,
          payload: entry.payload,
          createdAt: entry.createdAt,
          status: entry.status,
          attempts: entry.attempts,
          originDevice: entry.originDevice,
          mutation: entry.mutation,
          ...(entry.lastError !== undefined ? { lastError: entry.lastError } : {}),
          ...(entry.lastErrorCode !== undefined ? { lastErrorCode: entry.lastErrorCode } : {}),
        };
        await db.outbox.add(row);
        if (entry.kind.startsWith('dossier.')) waiting.add(entry.entityId);
        report.entries++;
      }
      for (const dossier of backup.dossiers) {
        if (await db.dossiers.get(dossier.id)) continue;
        const refused = backup.entries.some((e) => e.entityId === dossier.id && e.status === 'rejected');
        await db.dossiers.add({ ...withoutDerived(dossier), syncState: refused ? 'rejected' : waiting.has(dossier.id) ? 'waiting' : dossier.syncState });
        report.dossiers++;
      }
      for (const draft of backup.drafts) {
        if (await db.drafts.get(draft.id)) continue;
        await db.drafts.add(draft);
        report.drafts++;
      }
      const newAttachments = backup.attachments.filter((a) => a.id);
      const present = await db.attachments.bulkGet(newAttachments.map((a) => a.id));
      await db.attachments.bulkAdd(newAttachments.filter((_, i) => !present[i]));
      if (backup.processingLog.length > 0) {
        const logged = [...new Set(backup.processingLog.map((r) => r.dossierId))];
        const lineOf = (r: { dossierId: string; at: string; action: string }) => `${r.dossierId}|${logKey(r.at, r.action)}`;
        const have = new Set((await logsOf(db, logged)).map(lineOf));
        const fresh: BackupProcessingLog[] = [];
        for (const row of backup.processingLog) {
          if (have.has(lineOf(row))) continue;
          have.add(lineOf(row));
          fresh.push(row);
        }
        await db.processingLog.bulkAdd(fresh);
        report.processingLog = fresh.length;
      }
      for (const { head, blob } of files) {
        if (await db.files.get(head.sha256)) continue;
        await db.files.add({ sha256: head.sha256, blob, type: head.type, size: head.size, createdAt: head.createdAt });
        report.files++;
      }
      return report;
    },
  );
}
