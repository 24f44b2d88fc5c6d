// What a backup file (sao lưu ra tệp) carries, item by item, and the schema every item read back
// from a file is parsed with: a file comes from a USB stick, so nothing in it is trusted by shape.
import { MAX_NOTE_LENGTH } from '../dossier/limits';
import { z } from '../schema';

/**
 * The kinds of backup: the work not yet acknowledged by the gateway, or everything of the commune
 * this device holds (every dossier with its files, the drafts, and the unacknowledged work too).
 * Both merge the same way: entries by (device, mutation), rows and files only where missing.
 */
export const BACKUP_KINDS = ['unsynced', 'full'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * The version of what a backup carries, written in its meta. 1 (files without the field): entries,
 * dossiers, drafts, attachments and files. 2 adds the processing log's rows (Nhật ký xử lý), so a
 * device restored from the file shows each dossier's log. Files of every version up to this one
 * are read; a newer one is refused (made by a newer app).
 */
export const BACKUP_FORMAT = 2;

const id = z.string().min(1).max(128);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const iso = z.string().min(1).max(64);

/** First item: whose work it is. The commune is checked against the importing device's. */
export const backupMetaSchema = z.strictObject({
  t: z.literal('meta'),
  kind: z.enum(BACKUP_KINDS),
  /** The exporting device (the origin of its own entries; carried entries name theirs). */
  deviceId: id,
  communeId: id,
  exportedAt: iso,
  /** BACKUP_FORMAT when written; absent in files of format 1. */
  format: z.int().min(1).max(1000).optional(),
});

/**
 * An outbox entry as the gateway knows it: under the device that made it and the mutation number
 * it had there, which it keeps on every device it is carried to, so the gateway applies it once.
 */
export const backupEntrySchema = z.strictObject({
  t: z.literal('entry'),
  originDevice: id,
  mutation: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  kind: z.string().min(1).max(64),
  entityId: id,
  payload: z.unknown(),
  createdAt: iso,
  status: z.enum(['pending', 'rejected']),
  attempts: z.int().min(0),
  lastError: z.string().max(4000).optional(),
  lastErrorCode: z.string().max(100).optional(),
});

/** A dossier row or a draft row as the device stores it; only the fields its tables index are checked here. */
export const backupDossierSchema = z.strictObject({
  t: z.literal('dossier'),
  row: z.looseObject({
    id,
    code: z.string().min(1).max(64),
    status: z.int(),
    receivedAt: iso,
    dueAt: iso,
    procedureCode: z.string().max(64),
    applicantName: z.string().max(200),
    applicantIdNumber: z.string().max(20),
  }),
});

export const backupDraftSchema = z.strictObject({
  t: z.literal('draft'),
  row: z.looseObject({ id, procedureCode: z.string().max(64), step: z.string().max(64), createdAt: iso, updatedAt: iso }),
});

export const backupAttachmentSchema = z.strictObject({
  t: z.literal('attachment'),
  row: z.strictObject({
    id: z.string().min(1).max(512),
    ownerId: z.string().min(1).max(256),
    componentIndex: z.int(),
    order: z.number(),
    sha256,
    name: z.string().max(300),
    type: z.string().max(100),
    size: z.int().min(0),
  }),
});

/**
 * A line of a dossier's processing log (Nhật ký xử lý) as the processingLog table keeps it, without
 * its local id (each device numbers its own). Format 2 on; it follows its dossier in the file.
 */
export const backupProcessingLogSchema = z.strictObject({
  t: z.literal('processingLog'),
  row: z.strictObject({
    dossierId: id,
    /** An instant: lines are told apart (and doubles found) by it. */
    at: iso.refine((v) => !Number.isNaN(Date.parse(v)), 'not a time'),
    who: z.string().max(300),
    role: z.string().max(64),
    action: z.string().min(1).max(64),
    fromStatus: z.int().nullable(),
    toStatus: z.int(),
    note: z.string().max(MAX_NOTE_LENGTH).optional(),
  }),
});

/** A stored file's head; its bytes follow it in the file. */
export const backupFileSchema = z.strictObject({
  t: z.literal('file'),
  sha256,
  type: z.string().max(100),
  size: z.int().min(0),
  createdAt: iso,
});

/** Last item: how many of each came before, so a file cut between items is caught here too. */
export const backupEndSchema = z.strictObject({
  t: z.literal('end'),
  entries: z.int().min(0),
  dossiers: z.int().min(0),
  drafts: z.int().min(0),
  attachments: z.int().min(0),
  files: z.int().min(0),
  /** Format 2 on (and then required). */
  processingLog: z.int().min(0).optional(),
});

export const backupItemSchema = z.discriminatedUnion('t', [
  backupMetaSchema,
  backupEntrySchema,
  backupDossierSchema,
  backupDraftSchema,
  backupAttachmentSchema,
  backupProcessingLogSchema,
  backupFileSchema,
  backupEndSchema,
]);

export type BackupMeta = z.infer<typeof backupMetaSchema>;
export type BackupEntry = z.infer<typeof backupEntrySchema>;
export type BackupProcessingLog = z.infer<typeof backupProcessingLogSchema>['row'];
export type BackupFileHead = z.infer<typeof backupFileSchema>;
export type BackupEnd = z.infer<typeof backupEndSchema>;
export type BackupItem = z.infer<typeof backupItemSchema>;
