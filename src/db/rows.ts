// The rows of the device database's tables, as stored today. Only types: the schema (schema.ts)
// and the middleware that derives fields on write (dossier-index.ts, dossier-facts.ts) both read
// them, so they sit below both, and the schema can import the middleware without a cycle.
import type { PageMode, Quad } from '../domain/digitize';
import type { OfficerRole } from './session';

/** A key-value setting (desk profile, storage-persistence answer, ...). */
export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'rejected';

/**
 * One change waiting to reach the gateway, written in the same transaction as the change itself.
 * `seq` orders entries per device, so the gateway can apply each exactly once.
 */
export interface OutboxEntry {
  seq?: number;
  kind: string;
  entityId: string;
  payload: unknown;
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  /** The gateway's refusal: its reason in Vietnamese, and its stable code (MotcuaError's) when the gateway sent one. */
  lastError?: string;
  lastErrorCode?: string;
  /**
   * Set on an entry carried here from another device (a backup file, issue 14): the device that
   * made it and its mutation number there, under which the gateway records it, so it is applied
   * once whichever device sends it. Absent for this device's own entries (device id, `seq`).
   * Not indexed: no schema change.
   */
  originDevice?: string;
  mutation?: number;
  /**
   * The staff id of the officer signed in when the change was made (issue 13): the pump sends the
   * entry with that officer's session, and the gateway checks the change's actor against it.
   * Absent for changes made before any officer signed in on the device. Not indexed.
   */
  staffId?: string;
}

/** A whole procedure catalogue as received (see src/domain/catalogue); kept by version. */
export interface CatalogueRow {
  version: number;
  issuedAt: string;
  procedures: unknown[];
  installedAt: string;
}

/** A cached search index for one catalogue version, so start-up need not rebuild it. */
export interface SearchIndexRow {
  version: number;
  snapshot: unknown;
}

/** A dossier being received (bản nháp): saved on every change so nothing typed is lost. */
export interface DraftRow {
  id: string;
  procedureCode: string;
  /** The procedure as the catalogue described it when the draft began: a later catalogue never changes it. */
  procedure: unknown;
  step: string;
  data: unknown;
  createdAt: string;
  updatedAt: string;
}

/**
 * A received dossier (hồ sơ). `code` is the official AGENCY-YYMMDD-XXXX code, or the provisional
 * code until sync replaces it; `provisionalCode` keeps the provisional one so either finds it.
 */
export interface DossierRow {
  id: string;
  code: string;
  provisionalCode?: string;
  status: number;
  procedureCode: string;
  procedureName: string;
  field: string;
  catalogueVersion: number;
  applicantName: string;
  applicantIdNumber: string;
  receivedAt: string;
  dueAt: string;
  syncState: 'waiting' | 'sending' | 'accepted' | 'rejected';
  data: unknown;
  updatedAt: string;
  /** The gateway's version of this row when it last arrived by pull (not indexed: no schema change). */
  serverVersion?: number;
  /** Who made the change that last arrived by pull from another desk; absent for this device's own. */
  changedBy?: DossierChangedBy;
  /** v4, derived on every write by dossier-index.ts (never set by hand): see DossierIndexFields. */
  searchWords?: string[];
  openDueAt?: string;
  /** v8, derived likewise: ordered pairs of the applicant's name words (see DossierIndexFields). */
  searchPairs?: string[];
  /**
   * A community team's online submission (issue 15; not indexed: no schema change): its tracking
   * slip's lookup code and when it was filed. Until a desk receives it, `code` holds the lookup
   * code and `receivedAt`/`dueAt` the time of submission, as pulled-dossier.ts does for pulled ones.
   */
  lookupCode?: string;
  submittedAt?: string;
}

/** Who changed a dossier elsewhere (another device, or an officer on the gateway), as pull reports it. */
export interface DossierChangedBy {
  name: string | null;
  deviceId: string | null;
  staffId: string | null;
  /** The kind of change ('dossier.transition', 'dossier.rate', ...). */
  kind: string;
  /** When the change was made (the gateway's updatedAt of the row). */
  at: string;
}

/** A stored file (page image, PDF, scan) under its SHA-256, stored once however often used. */
export interface FileRow {
  sha256: string;
  blob: Blob;
  type: string;
  size: number;
  thumbnail?: Blob;
  createdAt: string;
}

/** Which file belongs to which component of which draft or dossier, in page order. */
export interface AttachmentRow {
  id: string;
  ownerId: string;
  componentIndex: number;
  order: number;
  sha256: string;
  name: string;
  type: string;
  size: number;
}

/**
 * v5: where the upload of one stored file to the gateway stands, keyed like the file by SHA-256,
 * so a file is sent once however many dossiers use it, and a reload resumes at the tus URL.
 */
export interface UploadRow {
  sha256: string;
  /** 'done' once the gateway holds the file (uploaded, or found there by hash); 'failed' when it refused it for good. */
  status: 'uploading' | 'done' | 'failed';
  size: number;
  /** The gateway's tus upload URL, once created: the next attempt resumes there. */
  url?: string;
  /** Bytes the gateway has confirmed (progress only: a resume asks the gateway for the true offset). */
  offset: number;
  lastError?: string;
  /** Times the gateway found the bytes damaged on arrival (hash mismatch); each time the upload starts over. */
  damaged?: number;
  updatedAt: string;
}

/**
 * v6: a photo (or chosen file) waiting to become a page of a component: written with the rest of
 * its batch in one transaction when the officer takes or chooses it, deleted in the transaction
 * that stores the page it became. A reload mid-batch therefore loses no photo and processes none
 * twice. Only the capture reads these rows: they are never attached to a dossier nor sent.
 */
export interface CaptureQueueRow {
  /** Arrival order: photos become pages in this order. */
  seq?: number;
  ownerId: string;
  componentIndex: number;
  /** The batch (one take or one choice of files) the photo came with. */
  batch: string;
  name: string;
  blob: Blob;
  addedAt: string;
}

/**
 * v7: the photo a captured page of a draft was made from, with the corners and mode it was made
 * with, so the officer can re-open the page after a reload to move its corners or switch text and
 * colour. Kept on this device only: never attached to a dossier, never in the outbox, never sent.
 * Written in the transaction that stores the page; deleted with the page, and when the draft is
 * received or discarded. Only drafts keep them (a draft is short-lived), which bounds the space.
 */
export interface PageSourceRow {
  /** The stored page (an attachment row id) it was made from. */
  pageId: string;
  /** The draft. */
  ownerId: string;
  componentIndex: number;
  name: string;
  blob: Blob;
  /** The corners (photo pixels), the mode and the quarter turns (clockwise) the stored page was last made with. */
  corners: Quad;
  mode: PageMode;
  turns: 0 | 1 | 2 | 3;
  addedAt: string;
}

/** One entry of a dossier's processing log (who, in what role, when, what). */
export interface ProcessingLogRow {
  id?: number;
  dossierId: string;
  at: string;
  who: string;
  role: string;
  action: string;
  fromStatus: number | null;
  toStatus: number;
  note?: string;
}

/** Bytes sealed with AES-GCM: the random 12-byte nonce and the ciphertext with its tag. */
export interface SealedBytes {
  iv: Uint8Array;
  data: Uint8Array;
}

/** The device data key wrapped under an officer's PIN (PBKDF2-SHA-256 → AES-GCM), never the PIN itself. */
export interface PinLock {
  salt: Uint8Array;
  iterations: number;
  wrapped: SealedBytes;
}

/**
 * An officer who has signed in on this device with the gateway's staff account (issue 13). The
 * names are staff, not citizens: the lock screen lists them. The staff token and its expiry are
 * sealed under a key derived from the device data key, so they are readable only while it is held.
 */
export interface OfficerRow {
  staffId: string;
  username: string;
  fullName: string;
  role: OfficerRole;
  /** Null until the officer sets a PIN on this device. */
  pin: PinLock | null;
  /** Wrong PINs in a row; the fifth sets pinDisabled. */
  failedPins: number;
  /** True after five wrong PINs: only a password sign-in (online) and a new PIN open it again. */
  pinDisabled: boolean;
  /** JSON { token, expiresAt } of the last password sign-in, sealed (officers.ts sealStaffToken). */
  staffToken: SealedBytes | null;
  updatedAt: string;
}
