// A passphrase-sealed byte stream (the backup file on a USB stick): a versioned clear header, then
// AES-256-GCM chunks whose index and "last" flag are authenticated, so a reordered, cut or altered
// file fails, and a last chunk holding a manifest hash over every chunk. Web Crypto and Web
// Streams only, so it runs in a page and in a worker alike.

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA-256; the app never seals with less (tests may, by parameter). */
export const MIN_ITERATIONS = 600_000;
/** A file asking for more is not ours (and would hang the device deriving its key). */
const MAX_ITERATIONS = 20_000_000;
/** Plaintext bytes per chunk: big enough that the 20 bytes of framing and tag do not count, small enough to stream. */
export const CHUNK_BYTES = 64 * 1024;
const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
const MAX_HEADER_BYTES = 16 * 1024;
const TAG_BYTES = 16;
const FORMAT_VERSION = 1;
const MAGIC = new TextEncoder().encode('MOTCUABK');

export type SealedErrorCode =
  'backup.not_a_backup' | 'backup.unsupported_version' | 'backup.wrong_passphrase' | 'backup.damaged' | 'backup.truncated' | 'backup.weak_key';

/** Why a sealed file cannot be opened; the words are chosen where it is shown (by code). */
export class SealedFileError extends Error {
  constructor(
    readonly code: SealedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SealedFileError';
  }
}

/** The clear header. It must hold nothing personal: anyone finding the stick can read it. */
export interface SealedHeader {
  v: number;
  kdf: { name: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  cipher: 'AES-256-GCM';
  chunkBytes: number;
  /** SHA-256 of the second half of the derived bits: tells a wrong passphrase from a damaged file. */
  check: string;
  /** What the writer wants readable before the passphrase (kind of backup, time): never personal data. */
  meta: Record<string, string | number>;
}

export interface SealOptions {
  passphrase: string;
  /** PBKDF2 iterations; MIN_ITERATIONS unless a test asks for fewer. */
  iterations?: number;
  chunkBytes?: number;
  meta?: Record<string, string | number>;
}

// Typed array helpers pinned to ArrayBuffer, as Web Crypto's BufferSource wants.
type Bytes = Uint8Array<ArrayBuffer>;
const bytes = (n: number): Bytes => new Uint8Array(new ArrayBuffer(n));

function concat(parts: readonly Uint8Array[]): Bytes {
  const out = bytes(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function u32(n: number): Bytes {
  const out = bytes(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

function toBase64(data: Uint8Array): string {
  let text = '';
  for (const b of data) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Bytes {
  const raw = atob(text);
  const out = bytes(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

/** The chunk's nonce: its index. Unique per key, since every file has its own random salt and so its own key. */
function nonceOf(index: number): Bytes {
  const iv = bytes(12);
  new DataView(iv.buffer).setBigUint64(4, BigInt(index));
  return iv;
}

/** What each chunk authenticates besides its bytes: the header, its place, and whether it is the last. */
function aadOf(headerDigest: Bytes, index: number, last: boolean): Bytes {
  const aad = bytes(32 + 8 + 1);
  aad.set(headerDigest, 0);
  new DataView(aad.buffer).setBigUint64(32, BigInt(index));
  aad[40] = last ? 1 : 0;
  return aad;
}

/** The AES key and the passphrase check, both from one slow derivation. */
async function deriveKey(passphrase: string, salt: Bytes, iterations: number): Promise<{ key: CryptoKey; check: string }> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 512));
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { key, check: toBase64(await sha256(bits.slice(32))) };
}

interface Manifest {
  chunks: number;
  bytes: number;
  /** SHA-256 over the SHA-256 of every data chunk's plaintext, in order. */
  sha256: string;
}

/**
 * Seals what is written into it: the header first, then chunks as plaintext arrives. The key is
 * derived once, before the first byte goes out.
 */
export function sealStream(options: SealOptions): TransformStream<Uint8Array, Uint8Array> {
  const iterations = options.iterations ?? MIN_ITERATIONS;
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  let key: CryptoKey;
  let headerDigest: Bytes;
  let index = 0;
  let total = 0;
  const digests: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;

  const sealChunk = async (plain: Bytes, last: boolean): Promise<Bytes> => {
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonceOf(index), additionalData: aadOf(headerDigest, index, last) }, key, plain),
    );
    index++;
    return concat([u32(sealed.length), sealed]);
  };
  const emitData = async (controller: TransformStreamDefaultController<Uint8Array>, plain: Bytes) => {
    digests.push(await sha256(plain));
    total += plain.length;
    controller.enqueue(await sealChunk(plain, false));
  };

  return new TransformStream<Uint8Array, Uint8Array>({
    async start(controller) {
      const salt = crypto.getRandomValues(bytes(16));
      const derived = await deriveKey(options.passphrase, salt, iterations);
      key = derived.key;
      const header: SealedHeader = {
        v: FORMAT_VERSION,
        kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt) },
        cipher: 'AES-256-GCM',
        chunkBytes,
        check: derived.check,
        meta: options.meta ?? {},
      };
      const json = new TextEncoder().encode(JSON.stringify(header));
      const head = concat([MAGIC, u32(json.length), json]);
      headerDigest = await sha256(head);
      controller.enqueue(head);
    },
    async transform(chunk, controller) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < chunkBytes) return;
      const all = concat(pending);
      let at = 0;
      for (; all.length - at >= chunkBytes; at += chunkBytes) await emitData(controller, all.slice(at, at + chunkBytes));
      pending = [all.slice(at)];
      pendingBytes = all.length - at;
    },
    async flush(controller) {
      if (pendingBytes > 0) await emitData(controller, concat(pending));
      const manifest: Manifest = { chunks: index, bytes: total, sha256: toBase64(await sha256(concat(digests))) };
      controller.enqueue(await sealChunk(new TextEncoder().encode(JSON.stringify(manifest)) as Bytes, true));
    },
  });
}

/** Reads exact byte counts from a stream; null at a clean end. */
class ByteReader {
  private queue: Uint8Array[] = [];
  private queued = 0;
  private done = false;
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Exactly n bytes; null when the stream ended before any of them; a truncation error when it ended inside. */
  async read(n: number): Promise<Bytes | null> {
    while (this.queued < n && !this.done) {
      const { value, done } = await this.reader.read();
      if (done) this.done = true;
      else if (value.length > 0) {
        this.queue.push(value);
        this.queued += value.length;
      }
    }
    if (this.queued === 0 && n > 0) return null;
    if (this.queued < n) throw truncated();
    // Taken from the front piece by piece: a large piece is sliced, never copied whole per read.
    const out = bytes(n);
    let at = 0;
    while (at < n) {
      const head = this.queue[0]!;
      const take = Math.min(head.length, n - at);
      out.set(head.subarray(0, take), at);
      at += take;
      if (take === head.length) this.queue.shift();
      else this.queue[0] = head.subarray(take);
    }
    this.queued -= n;
    return out;
  }

  cancel(): void {
    void this.reader.cancel().catch(() => undefined);
  }
}

const notOurs = () => new SealedFileError('backup.not_a_backup', 'not a Motcua backup file');
const damaged = () => new SealedFileError('backup.damaged', 'the file was altered or damaged');
const truncated = () => new SealedFileError('backup.truncated', 'the file is incomplete');

function parseHeader(json: Bytes): SealedHeader {
  let header: SealedHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) as SealedHeader;
  } catch {
    throw notOurs();
  }
  if (typeof header !== 'object' || header === null) throw notOurs();
  if (header.v !== FORMAT_VERSION) throw new SealedFileError('backup.unsupported_version', `format version ${String(header.v)}`);
  const { kdf } = header;
  const sound =
    kdf?.name === 'PBKDF2-SHA-256' &&
    Number.isInteger(kdf.iterations) &&
    kdf.iterations > 0 &&
    kdf.iterations <= MAX_ITERATIONS &&
    typeof kdf.salt === 'string' &&
    header.cipher === 'AES-256-GCM' &&
    Number.isInteger(header.chunkBytes) &&
    header.chunkBytes > 0 &&
    header.chunkBytes <= MAX_CHUNK_BYTES &&
    typeof header.check === 'string' &&
    typeof header.meta === 'object' &&
    header.meta !== null;
  if (!sound) throw damaged();
  return header;
}

export interface OpenOptions {
  /** Files derived with fewer iterations are refused (a forged weak file); tests lower it. */
  minIterations?: number;
}

export interface OpenedFile {
  header: SealedHeader;
  /**
   * The plaintext, chunk by chunk as each is authenticated. It errors (SealedFileError) on any
   * altered, reordered or missing chunk; the whole is proven complete only when it closes.
   */
  plaintext: ReadableStream<Uint8Array>;
}

/** Reads the header and checks the passphrase (wrong → 'backup.wrong_passphrase'), then streams the plaintext. */
export async function openSealed(input: ReadableStream<Uint8Array>, passphrase: string, options: OpenOptions = {}): Promise<OpenedFile> {
  const reader = new ByteReader(input.getReader());
  try {
    const magic = await reader.read(MAGIC.length);
    if (!magic || magic.some((b, i) => b !== MAGIC[i])) throw notOurs();
    const lengthBytes = await reader.read(4);
    if (!lengthBytes) throw truncated();
    const length = new DataView(lengthBytes.buffer).getUint32(0);
    if (length > MAX_HEADER_BYTES) throw notOurs();
    const json = await reader.read(length);
    if (!json) throw truncated();
    const header = parseHeader(json);
    if (header.kdf.iterations < (options.minIterations ?? MIN_ITERATIONS)) throw new SealedFileError('backup.weak_key', 'key derivation too weak');
    const headerDigest = await sha256(concat([magic, lengthBytes, json]));
    let salt: Bytes;
    try {
      salt = fromBase64(header.kdf.salt);
    } catch {
      throw damaged();
    }
    const { key, check } = await deriveKey(passphrase, salt, header.kdf.iterations);
    if (check !== header.check) throw new SealedFileError('backup.wrong_passphrase', 'wrong passphrase');
    return { header, plaintext: plaintextOf(reader, key, headerDigest, header.chunkBytes) };
  } catch (error) {
    reader.cancel();
    throw error;
  }
}

function plaintextOf(reader: ByteReader, key: CryptoKey, headerDigest: Bytes, chunkBytes: number): ReadableStream<Uint8Array> {
  let index = 0;
  let total = 0;
  const digests: Uint8Array[] = [];
  let finished = false;
  const open = async (sealed: Bytes, last: boolean): Promise<Bytes | null> => {
    try {
      return new Uint8Array(
        await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonceOf(index), additionalData: aadOf(headerDigest, index, last) }, key, sealed),
      );
    } catch {
      return null;
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const lengthBytes = await reader.read(4);
        // Ended without the last chunk: cut short (possibly exactly at a chunk boundary).
        if (!lengthBytes) throw truncated();
        const length = new DataView(lengthBytes.buffer).getUint32(0);
        if (length < TAG_BYTES || length > chunkBytes + TAG_BYTES) throw damaged();
        const sealed = await reader.read(length);
        if (!sealed) throw truncated();
        const plain = await open(sealed, false);
        if (plain) {
          digests.push(await sha256(plain));
          total += plain.length;
          index++;
          controller.enqueue(plain);
          return;
        }
        const manifestBytes = await open(sealed, true);
        if (!manifestBytes) throw damaged();
        let manifest: Manifest;
        try {
          manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as Manifest;
        } catch {
          throw damaged();
        }
        const digest = toBase64(await sha256(concat(digests)));
        if (manifest.chunks !== index || manifest.bytes !== total || manifest.sha256 !== digest) throw damaged();
        // Anything after the last chunk was added by someone else.
        if (await reader.read(1)) throw damaged();
        finished = true;
        controller.close();
      } catch (error) {
        reader.cancel();
        controller.error(error instanceof SealedFileError ? error : damaged());
      }
    },
    cancel() {
      if (!finished) reader.cancel();
    },
  });
}
