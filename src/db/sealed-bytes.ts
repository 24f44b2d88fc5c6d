// AES-GCM seals of small byte strings (a wrapped key, a staff token) with what each is for
// authenticated alongside, so one sealed value can never be opened as another.
import type { SealedBytes } from './rows';

const encoder = new TextEncoder();
export const bytes = (text: string) => encoder.encode(text);

export async function aesKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, plain: Uint8Array, aad: Uint8Array): Promise<SealedBytes> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad as BufferSource }, key, plain as BufferSource));
  return { iv, data };
}

/** The clear bytes, or null when the key is not the one they were sealed with (or they were altered). */
export async function unseal(key: CryptoKey, sealed: SealedBytes, aad: Uint8Array): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as BufferSource, additionalData: aad as BufferSource }, key, sealed.data as BufferSource),
    );
  } catch {
    return null;
  }
}
