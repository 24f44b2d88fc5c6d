// The vault's cryptography, loaded only once a key arrives (the first screen must not carry it):
// AES-256-GCM for personal fields and HMAC-SHA-256 tokens for the indexes that search them.
//
// Why @noble and not Web Crypto: Web Crypto is async, and an IndexedDB transaction commits as soon
// as its code awaits anything but an IndexedDB request, so a middleware that sealed with it could
// not write in the caller's transaction. @noble/ciphers and @noble/hashes are synchronous, audited,
// dependency-free and maintained; they run in the page, in workers and in Node alike.
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { DossierWordParts } from '../dossier-index';
import { fromBytes, toBytes } from './codec';

/**
 * What the sealer needs of the app, handed in by state.ts rather than imported: a module shared
 * with the first screen imported here would be split into a chunk of its own that the first
 * screen then loads too (measured: +2.8 KB gzip), so this chunk imports only @noble and the codec.
 */
export interface SealerEnv {
  /** PERSONAL_FIELDS, SEALED, MAX_PREFIX, PAIR_PREFIX of tables.ts. */
  personalFields: Readonly<Record<string, readonly string[]>>;
  sealedKey: string;
  maxPrefix: number;
  pairPrefix: number;
  wordParts(row: Record<string, unknown>): DossierWordParts;
  /** The coded error for a sealed value that does not open. */
  unreadable(why: 'format' | 'key'): Error;
}

/** First byte of a sealed value: the layout (version 1: nonce, then ciphertext with its 16-byte tag). */
const SEAL_FORMAT = 1;
const NONCE_BYTES = 12;
/** Bytes of HMAC kept in a token: 96 bits, collisions are out of reach at any desk's size. */
const TOKEN_BYTES = 12;
/**
 * Tokens start with this, so a clear word (a dossier code, or a row not yet sealed) never reads as
 * one; all are the same length, so "starts with a token" is "equals it" in an index range.
 */
export const TOKEN_MARK = '#';

/**
 * What a token stands for: the prefix of a name word or of the ID number (w), the prefix of a pair
 * "word other…" (p), a whole name (n), a whole ID number (i). Each kind hashes apart.
 */
export type TokenKind = 'w' | 'p' | 'n' | 'i';

export interface Sealer {
  /** Tells this key from another (stored at set-up; never the key). */
  readonly check: Uint8Array;
  /** The row with its personal fields sealed (and, for a dossier, its name and ID index fields as tokens, pairs dated: receiptStamp). */
  sealRow(table: string, row: Record<string, unknown>): Record<string, unknown>;
  /** The row as it was written; a row that is not sealed comes back as it is. */
  openRow(table: string, row: Record<string, unknown>): Record<string, unknown>;
  token(kind: TokenKind, text: string): string;
  /** The key for files (Blobs), sealed with Web Crypto outside transactions (blobs.ts): its own, derived apart. */
  readonly blobKey: Uint8Array;
  /** Zeroes the derived keys (the vault closes). */
  wipe(): void;
}

const utf8 = new TextEncoder();

const derive = (master: Uint8Array, purpose: string, length: number) => hkdf(sha256, master, undefined, utf8.encode(`motcua/vault/v1/${purpose}`), length);

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url of the first TOKEN_BYTES (a multiple of 3) bytes: four letters per three bytes, no padding. */
function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < TOKEN_BYTES; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += BASE64URL[n >>> 18]! + BASE64URL[(n >>> 12) & 63]! + BASE64URL[(n >>> 6) & 63]! + BASE64URL[n & 63]!;
  }
  return out;
}

/**
 * Tokens remembered, in memory only and only while the vault is open (as the key is): a desk's
 * names share few words ("nguyen", "thi", their prefixes), so sealing 100,000 dossiers computes a
 * small part of their eight million tokens. Bounded: emptied when full.
 */
const TOKEN_CACHE = 200_000;

/** Prefixes of a word, by letter (not UTF-16 unit), shortest first, up to `max` letters. */
export function prefixes(word: string, max: number): string[] {
  const letters = Array.from(word).slice(0, max);
  return letters.map((_, i) => letters.slice(0, i + 1).join(''));
}

/**
 * What follows every sealed pair token: the dossier's receipt time, milliseconds in 9 base-36 digits
 * (digits and letters in code-unit order, so the text sorts as the time does, up to the year 5188).
 * Tokens are all one length, so one token's index range read backwards holds exactly its dossiers,
 * newest first (equal times by id descending, as the other lists): the desk's name search then
 * pages straight from the index instead of ordering thousands of matches ("nguyen thi") by walking
 * the receivedAt index. A clear pair cannot: its range holds every second word with that start.
 * Nine letters, not the ISO time's 24: a dossier has dozens of pair tokens, each one index entry.
 */
export function receiptStamp(receivedAt: unknown): string {
  const ms = typeof receivedAt === 'string' ? Date.parse(receivedAt) : NaN;
  return (Number.isFinite(ms) && ms > 0 ? ms : 0).toString(36).padStart(9, '0');
}

/** The vault's key check for `master`, without building a whole sealer. */
export function checkOf(master: Uint8Array): Uint8Array {
  return derive(master, 'check', 16);
}

export function makeSealer(master: Uint8Array, env: SealerEnv): Sealer {
  const { personalFields, sealedKey: SEALED, maxPrefix, pairPrefix } = env;
  const sealKey = derive(master, 'seal', 32);
  const tokenKey = derive(master, 'token', 32);
  const check = checkOf(master);
  const blobKey = derive(master, 'blob', 32);
  // Keyed once: each token then costs two hash blocks, not four.
  const keyed = hmac.create(sha256, tokenKey);
  const aadOf = new Map<string, Uint8Array>();
  const aad = (table: string) => {
    let bytes = aadOf.get(table);
    if (!bytes) aadOf.set(table, (bytes = utf8.encode(`motcua/${table}`)));
    return bytes;
  };

  const tokens = new Map<string, string>();
  const token = (kind: TokenKind, text: string) => {
    const message = `${kind}\u0000${text}`;
    let known = tokens.get(message);
    if (known === undefined) {
      if (tokens.size >= TOKEN_CACHE) tokens.clear();
      known = TOKEN_MARK + base64url(keyed.clone().update(utf8.encode(message)).digest());
      tokens.set(message, known);
    }
    return known;
  };

  // The table is the associated data: a sealed value moved to another table does not open.
  const seal = (table: string, value: unknown): Uint8Array => {
    const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
    const ciphertext = gcm(sealKey, nonce, aad(table)).encrypt(toBytes(value));
    const out = new Uint8Array(1 + NONCE_BYTES + ciphertext.length);
    out[0] = SEAL_FORMAT;
    out.set(nonce, 1);
    out.set(ciphertext, 1 + NONCE_BYTES);
    return out;
  };

  const open = (table: string, sealed: Uint8Array): unknown => {
    if (sealed[0] !== SEAL_FORMAT) throw env.unreadable('format');
    let plain: Uint8Array;
    try {
      plain = gcm(sealKey, sealed.subarray(1, 1 + NONCE_BYTES), aad(table)).decrypt(sealed.subarray(1 + NONCE_BYTES));
    } catch {
      throw env.unreadable('key');
    }
    return fromBytes(plain);
  };

  /** Name words and the ID number become prefix tokens, pairs likewise; code words stay clear (not personal). */
  const dossierTokens = (row: Record<string, unknown>) => {
    const { nameWords, idNumber, codeWords, paired } = env.wordParts(row);
    const words = new Set(codeWords);
    for (const word of idNumber ? [...nameWords, idNumber] : nameWords) for (const p of prefixes(word, maxPrefix)) words.add(token('w', p));
    const pairs = new Set<string>();
    const stamp = receiptStamp(row.receivedAt);
    paired.forEach((a, i) => paired.forEach((b, j) => i !== j && prefixes(b, pairPrefix).forEach((p) => pairs.add(token('p', `${a} ${p}`) + stamp))));
    return {
      applicantName: token('n', String(row.applicantName ?? '')),
      applicantIdNumber: token('i', String(row.applicantIdNumber ?? '')),
      searchWords: [...words],
      searchPairs: [...pairs],
    };
  };

  return {
    check,
    token,
    blobKey,
    sealRow(table, row) {
      const fields = personalFields[table] ?? [];
      const personal: Record<string, unknown> = {};
      const rest: Record<string, unknown> = { ...row };
      delete rest[SEALED];
      for (const f of fields) {
        if (f in rest) {
          personal[f] = rest[f];
          delete rest[f];
        }
      }
      rest[SEALED] = seal(table, personal);
      return table === 'dossiers' ? Object.assign(rest, dossierTokens(row)) : rest;
    },
    openRow(table, row) {
      const sealed = row[SEALED];
      if (!(sealed instanceof Uint8Array)) return row;
      const out: Record<string, unknown> = { ...row };
      delete out[SEALED];
      return Object.assign(out, open(table, sealed));
    },
    wipe() {
      tokens.clear();
      sealKey.fill(0);
      tokenKey.fill(0);
      blobKey.fill(0);
      keyed.destroy();
    },
  };
}
