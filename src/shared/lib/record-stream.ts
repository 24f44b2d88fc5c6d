// Records as a byte stream: each a small JSON head and, optionally, a body of raw bytes (a
// stored file), so a backup streams files without base64 and without holding them twice.
// Layout per record: u32 head length, the head's UTF-8 JSON, then `bodyBytes` raw bytes when the head names them.

export interface StreamRecord {
  head: Record<string, unknown>;
  body?: Blob;
}

/** A record to write: its head must be a JSON object (the writer's own data, typed by the writer). */
export interface OutgoingRecord {
  head: unknown;
  body?: Blob;
}

/** A head larger than this is not a record of ours (a dossier row is a few KB). */
const MAX_HEAD_BYTES = 8 * 1024 * 1024;

export class RecordStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordStreamError';
  }
}

function u32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

/** The records as bytes, in order; bodies are read from their blobs as the stream is pulled. */
export function recordsToStream(records: AsyncIterable<OutgoingRecord> | Iterable<OutgoingRecord>): ReadableStream<Uint8Array> {
  async function* bytesOf(): AsyncGenerator<Uint8Array> {
    for await (const { head, body } of records) {
      const json = new TextEncoder().encode(JSON.stringify(body ? { ...(head as object), bodyBytes: body.size } : head));
      yield u32(json.length);
      yield json;
      if (!body) continue;
      const reader = body.stream().getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        yield value;
      }
    }
  }
  const iterator = bytesOf();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

/** Reads the records back; a body becomes a Blob of `type` (its head's `type` when a string). */
export async function* streamToRecords(input: ReadableStream<Uint8Array>): AsyncGenerator<StreamRecord> {
  const reader = input.getReader();
  let buffer: Uint8Array = new Uint8Array(0);
  let ended = false;
  const fill = async (n: number): Promise<boolean> => {
    while (buffer.length < n && !ended) {
      const { value, done } = await reader.read();
      if (done) ended = true;
      else buffer = buffer.length === 0 ? value : joined(buffer, value);
    }
    return buffer.length >= n;
  };
  try {
    for (;;) {
      if (!(await fill(4))) {
        if (buffer.length === 0) return;
        throw new RecordStreamError('record cut short');
      }
      const headBytes = new DataView(buffer.buffer, buffer.byteOffset, 4).getUint32(0);
      if (headBytes > MAX_HEAD_BYTES) throw new RecordStreamError('record head too large');
      if (!(await fill(4 + headBytes))) throw new RecordStreamError('record cut short');
      let head: Record<string, unknown>;
      try {
        head = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(4, 4 + headBytes))) as Record<string, unknown>;
      } catch {
        throw new RecordStreamError('record head is not JSON');
      }
      if (typeof head !== 'object' || head === null || Array.isArray(head)) throw new RecordStreamError('record head is not an object');
      buffer = buffer.subarray(4 + headBytes);
      const { bodyBytes, ...rest } = head;
      if (bodyBytes === undefined) {
        yield { head: rest };
        continue;
      }
      if (!Number.isSafeInteger(bodyBytes) || (bodyBytes as number) < 0) throw new RecordStreamError('record body length is not a count');
      // The body is gathered piece by piece into a Blob, which the browser may keep on disk.
      const pieces: Uint8Array[] = [];
      let left = bodyBytes as number;
      while (left > 0) {
        if (buffer.length === 0 && !(await fill(1))) throw new RecordStreamError('record body cut short');
        const take = Math.min(left, buffer.length);
        pieces.push(buffer.slice(0, take));
        buffer = buffer.subarray(take);
        left -= take;
      }
      yield { head: rest, body: new Blob(pieces as BlobPart[], { type: typeof rest.type === 'string' ? rest.type : '' }) };
    }
  } finally {
    reader.releaseLock();
  }
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
