// Turns the personal fields of a row into bytes and back, synchronously (the vault seals inside an
// IndexedDB transaction, where nothing async may run). IndexedDB stores structured clones, so rows
// hold Dates, undefined, typed arrays and the like that JSON alone would lose: each such value is
// written as a small tagged object, and a plain object that happens to use the tag key is escaped.

/** The key of a tagged value: a control character no field name of ours uses. */
const TAG = '\u0001';

type Tagged = { [TAG]: string; v?: unknown };

const isPlainObject = (x: object): boolean => {
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
};

function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function base64ToBytes(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const TYPED: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

function encode(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
    case 'undefined':
      return { [TAG]: 'u' };
    case 'bigint':
      return { [TAG]: 'b', v: value.toString() };
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) return value.map(encode);
      if (value instanceof Date) return { [TAG]: 'd', v: value.getTime() };
      if (value instanceof ArrayBuffer) return { [TAG]: 'a', v: bytesToBase64(new Uint8Array(value)) };
      if (ArrayBuffer.isView(value)) {
        const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
        return { [TAG]: 't', v: [value.constructor.name, bytesToBase64(bytes)] };
      }
      if (value instanceof Map) return { [TAG]: 'm', v: [...value].map(([k, v]) => [encode(k), encode(v)]) };
      if (value instanceof Set) return { [TAG]: 's', v: [...value].map(encode) };
      if (!isPlainObject(value)) throw new TypeError(`A ${value.constructor?.name ?? 'value'} cannot be sealed (Blobs are sealed apart).`);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = encode(v);
      return TAG in out ? { [TAG]: 'o', v: out } : out;
    }
    default:
      throw new TypeError(`A ${typeof value} cannot be sealed.`);
  }
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const record = value as Record<string, unknown>;
  if (TAG in record) {
    const { [TAG]: tag, v } = record as Tagged;
    switch (tag) {
      case 'u':
        return undefined;
      case 'n':
        return Number(v);
      case 'b':
        return BigInt(v as string);
      case 'd':
        return new Date(v as number);
      case 'a':
        return base64ToBytes(v as string).buffer;
      case 't': {
        const [name, data] = v as [string, string];
        const Typed = TYPED[name] ?? Uint8Array;
        return new Typed(base64ToBytes(data).buffer as ArrayBuffer);
      }
      case 'm':
        return new Map((v as [unknown, unknown][]).map(([k, x]) => [decode(k), decode(x)]));
      case 's':
        return new Set((v as unknown[]).map(decode));
      case 'o':
        return decodeObject(v as Record<string, unknown>);
      default:
        throw new TypeError(`Unknown sealed value tag ${JSON.stringify(tag)}.`);
    }
  }
  return decodeObject(record);
}

function decodeObject(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = decode(v);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of any structured-clone value but Blobs (and class instances, which IndexedDB would not keep as such either). */
export function toBytes(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(encode(value)));
}

export function fromBytes(bytes: Uint8Array): unknown {
  return decode(JSON.parse(decoder.decode(bytes)));
}
