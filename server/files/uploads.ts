// Resumable uploads (tus) of dossier files, stored once under their SHA-256. The device names
// the hash in the upload metadata (sha256); when the last byte arrives the gateway hashes the
// file itself, and keeps it only if they agree. Uploads in progress and finished files live under
// MOTCUA_DATA_DIR, locks in the database: any gateway instance sharing both can resume an upload.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { link, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server, type Upload } from '@tus/server';
import type { Caller } from '../auth/caller';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { DatabaseLocker } from './db-locker';

export const FILES_PATH = '/api/files';
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
/** Upload ids are named here (16 random bytes, hex): any other spelling of a path is no upload. */
export const UPLOAD_ID_PATTERN = /^[0-9a-f]{32}$/;
/** Unfinished uploads are dropped after a week; a device that comes back later starts over. */
export const UPLOAD_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

export interface UploadDeps {
  db: Database;
  log: Logger;
  dataDir: string;
  maxFileBytes: number;
}

export interface UploadService {
  /**
   * Handles a tus request (POST, HEAD, PATCH, DELETE, OPTIONS) for an authenticated device. The
   * request's URL must be canonical (FILES_PATH, or FILES_PATH/<upload id>, no query): tus reads
   * the id from the URL itself, so it must be the one the owner check looked at.
   */
  handle(request: Request, caller: Caller & { deviceId: string }): Promise<Response>;
  /** The device that created an upload, or null when there is no such upload. */
  ownerOf(uploadId: string): Promise<string | null>;
  /**
   * Size of the stored file with this hash, or null when the commune does not have it (another
   * commune's copy does not count: a caller learns nothing about other communes' papers). Read from
   * the files table, which a change naming the file is checked against: its row is written only
   * after the bytes are in place, so a gateway killed in between says "not held" and gets the
   * file again, instead of saying "held" and then refusing the change.
   */
  storedSize(sha256: string, communeId: string): Promise<number | null>;
  /** The stored bytes of a file the commune holds (storedSize's rule), as a stream; null when it does not hold it. */
  readStored(sha256: string, communeId: string): Promise<{ size: number; body: ReadableStream<Uint8Array> } | null>;
  cleanUpExpired(): Promise<number>;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

// tus turns a thrown { status_code, body } into the response.
const refuse = (status_code: number, body: string) => Object.assign(new Error(body), { status_code, body });

export function createUploadService({ db, log, dataDir, maxFileBytes }: UploadDeps): UploadService {
  const uploadDir = path.join(dataDir, 'uploads');
  const filesDir = path.join(dataDir, 'files');
  // Made on first use: FileStore creates its folder, which an app that never receives a file should not.
  let made: { store: FileStore; tus: Server } | undefined;
  const callers = new WeakMap<Request, Caller & { deviceId: string }>();

  async function keep(store: FileStore, upload: Upload, deviceId: string, communeId: string): Promise<void> {
    const claimed = upload.metadata?.sha256 ?? '';
    const file = path.join(uploadDir, upload.id);
    const actual = await sha256Of(file);
    if (actual !== claimed) {
      await store.remove(upload.id);
      log.warn({ uploadId: upload.id, claimed, actual, deviceId }, 'upload refused: hash mismatch');
      throw refuse(460, 'Tệp nhận được không khớp mã SHA-256 đã khai báo (tệp hỏng trên đường truyền). Thiết bị sẽ gửi lại tệp.\n');
    }
    await mkdir(filesDir, { recursive: true });
    const target = path.join(filesDir, actual);
    // A second name for the same bytes (same folder tree, so no copy); the upload itself is
    // removed once the answer is made (below). EEXIST: another device's copy got there first.
    if (!existsSync(target))
      await link(file, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    await db.query('insert into files (sha256, size, first_device_id) values ($1, $2, $3) on conflict (sha256) do nothing', [
      actual,
      upload.size ?? 0,
      deviceId,
    ]);
    await db.query('insert into commune_files (commune_id, sha256, first_device_id) values ($1, $2, $3) on conflict do nothing', [communeId, actual, deviceId]);
    log.info({ sha256: actual, size: upload.size, deviceId }, 'file stored');
  }

  const make = (): { store: FileStore; tus: Server } => {
    const store = new FileStore({ directory: uploadDir, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
    const tus = new Server({
      path: FILES_PATH,
      datastore: store,
      locker: new DatabaseLocker(db),
      maxSize: maxFileBytes,
      relativeLocation: true,
      namingFunction: () => randomBytes(16).toString('hex'),
      // Same-origin only: tus would otherwise answer Access-Control-Allow-Origin: * to anyone.
      allowedOrigins: [],
      // tus answers 501 to an extension this store does not offer (Upload-Concat, deferred length):
      // the client asked for what it cannot have, which is its error (400), not the gateway's fault.
      async onResponseError(_req, error) {
        const status = (error as { status_code?: number }).status_code;
        if (status === 501) return { status_code: 400, body: (error as { body?: string }).body ?? 'Không hỗ trợ phần mở rộng tus này.\n' };
        return undefined;
      },
      async onUploadCreate(req, upload) {
        const caller = callers.get(req as unknown as Request);
        const sha256 = upload.metadata?.sha256 ?? '';
        if (!caller) throw refuse(401, 'Thiết bị chưa được xác thực.\n');
        if (!SHA256_PATTERN.test(sha256)) throw refuse(400, 'Thiếu mã SHA-256 của tệp (metadata sha256, 64 chữ số hex thường).\n');
        // The owner is written by the gateway, never taken from the client's metadata.
        return { metadata: { ...upload.metadata, sha256, deviceId: caller.deviceId, communeId: caller.communeId } };
      },
      async onUploadFinish(req, upload) {
        const caller = callers.get(req as unknown as Request);
        await keep(store, upload, caller?.deviceId ?? upload.metadata?.deviceId ?? '', caller?.communeId ?? upload.metadata?.communeId ?? '');
        return {};
      },
    });
    // The finished upload goes once the answer is made, not in keep(): when the whole file came
    // with the creating POST (creation-with-upload), tus reads the upload again after
    // onUploadFinish (for its Upload-Expires header), and a missing one turns the answer into an error.
    tus.on(EVENTS.POST_FINISH, (_req, _res, upload) => {
      store.remove(upload.id).catch((error: unknown) => log.warn({ uploadId: upload.id, error: String(error) }, 'finished upload not removed'));
    });
    return { store, tus };
  };
  const uploads = () => (made ??= make());

  /**
   * A gateway killed after the last bytes of an upload landed but before keep() recorded them
   * leaves a complete upload that tus reports as such: the device, resuming, asks where it stands
   * (HEAD), hears "complete" and counts the file as sent, while the gateway refuses every change
   * naming it. So before that answer, a complete upload not yet recorded is finished here (the
   * hash checked, the file kept and recorded, or a damaged one dropped so the device starts over).
   */
  async function finishLeftOver(store: FileStore, request: Request): Promise<void> {
    const id = new URL(request.url).pathname.split('/').at(-1) ?? '';
    if (!UPLOAD_ID_PATTERN.test(id)) return;
    const upload = await store.getUpload(id).catch(() => null);
    if (!upload || upload.size === undefined || upload.offset !== upload.size) return;
    const sha256 = upload.metadata?.sha256 ?? '';
    const deviceId = upload.metadata?.deviceId ?? '';
    const communeId = upload.metadata?.communeId ?? '';
    const recorded = await db.query('select 1 from commune_files where commune_id = $1 and sha256 = $2', [communeId, sha256]);
    if (recorded.length > 0) return;
    try {
      await keep(store, upload, deviceId, communeId);
      log.info({ uploadId: id, sha256 }, 'complete upload left unrecorded by an earlier gateway: kept now');
    } catch (error) {
      // Damaged (keep dropped it: tus answers 404 and the device sends the file again) or gone meanwhile.
      log.warn({ uploadId: id, error: String(error) }, 'complete upload left unrecorded: not kept');
    }
  }

  return {
    async handle(request, caller) {
      callers.set(request, caller);
      const { tus, store } = uploads();
      if (request.method === 'HEAD') await finishLeftOver(store, request);
      return tus.handleWeb(request);
    },
    async ownerOf(uploadId) {
      if (!UPLOAD_ID_PATTERN.test(uploadId)) return null;
      const upload = (await uploads().store.configstore.get(uploadId)) as Upload | undefined;
      return upload?.metadata?.deviceId ?? null;
    },
    async storedSize(sha256, communeId) {
      if (!SHA256_PATTERN.test(sha256)) return null;
      const [row] = await db.query<{ size: unknown }>(
        'select f.size from commune_files c join files f on f.sha256 = c.sha256 where c.commune_id = $1 and c.sha256 = $2',
        [communeId, sha256],
      );
      return row ? Number(row.size) : null;
    },
    async readStored(sha256, communeId) {
      const size = await this.storedSize(sha256, communeId);
      if (size === null) return null;
      // The name is the hash just checked against the pattern: nothing else reaches the path.
      const body = Readable.toWeb(createReadStream(path.join(filesDir, sha256))) as ReadableStream<Uint8Array>;
      return { size, body };
    },
    cleanUpExpired: () => uploads().tus.cleanUpExpiredUploads(),
  };
}
