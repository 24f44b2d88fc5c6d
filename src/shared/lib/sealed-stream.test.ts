// The sealed backup format: what goes in comes out, and any change to the file (a byte, a cut, two
// chunks swapped, a chunk dropped, bytes added) or a wrong passphrase is refused with its own code.
// Few iterations here by parameter; the app seals with MIN_ITERATIONS.
import { describe, expect, it } from 'vitest';
import { MIN_ITERATIONS, openSealed, sealStream, SealedFileError } from './sealed-stream';
import { recordsToStream, streamToRecords } from './record-stream';

const FAST = { iterations: 1000 };
const OPEN = { minIterations: 1000 };
const PASS = 'ngựa vằn 7 màu';

function streamOf(data: Uint8Array, piece = 1000): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= data.length) return controller.close();
      controller.enqueue(data.slice(at, at + piece));
      at += piece;
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function sample(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + (i >> 8)) & 0xff;
  return out;
}

async function seal(plain: Uint8Array, chunkBytes = 4096): Promise<Uint8Array> {
  return collect(streamOf(plain).pipeThrough(sealStream({ passphrase: PASS, chunkBytes, meta: { kind: 'unsynced' }, ...FAST })));
}

async function unseal(file: Uint8Array, passphrase = PASS): Promise<Uint8Array> {
  const { plaintext } = await openSealed(streamOf(file, 777), passphrase, OPEN);
  return collect(plaintext);
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof SealedFileError) return error.code;
    throw error;
  }
  return 'opened';
}

/** Where each chunk of a sealed file starts and ends (after the header). */
function chunksOf(file: Uint8Array): { start: number; end: number }[] {
  const view = new DataView(file.buffer, file.byteOffset);
  let at = 8 + 4 + view.getUint32(8);
  const chunks: { start: number; end: number }[] = [];
  while (at < file.length) {
    const end = at + 4 + view.getUint32(at);
    chunks.push({ start: at, end });
    at = end;
  }
  return chunks;
}

function spliced(file: Uint8Array, parts: { start: number; end: number; from?: Uint8Array }[]): Uint8Array {
  const head = file.slice(0, chunksOf(file)[0]!.start);
  const out = new Uint8Array(head.length + parts.reduce((n, p) => n + p.end - p.start, 0));
  out.set(head);
  let at = head.length;
  for (const p of parts) {
    out.set((p.from ?? file).subarray(p.start, p.end), at);
    at += p.end - p.start;
  }
  return out;
}

describe('the sealed stream', () => {
  it('gives back exactly what was sealed, across chunks, and keeps the plaintext out of the file', async () => {
    const plain = sample(20_000);
    const file = await seal(plain);
    expect(await unseal(file)).toEqual(plain);
    expect(chunksOf(file)).toHaveLength(5 + 1); // 5 data chunks and the manifest
    const text = new TextDecoder().decode(file);
    expect(text).toContain('"kind":"unsynced"');
    expect(text).not.toContain(new TextDecoder().decode(plain.slice(0, 64)));
    expect(await unseal(await seal(new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it('seals with at least 600,000 iterations unless told otherwise, and refuses weaker files unless told so', async () => {
    expect(MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const file = await seal(sample(10));
    expect(await refusal(openSealed(streamOf(file), PASS))).toBe('backup.weak_key');
  });

  it('tells a wrong passphrase from a damaged file', async () => {
    const file = await seal(sample(10_000));
    expect(await refusal(unseal(file, 'ngua van 7 mau'))).toBe('backup.wrong_passphrase');
  });

  it('refuses a file with any byte changed, header or chunk', async () => {
    const file = await seal(sample(10_000));
    const [first, , last] = [chunksOf(file)[0]!, null, chunksOf(file).at(-1)!];
    for (const at of [first.start + 10, first.end - 1, last.start + 6, file.length - 1]) {
      const bad = file.slice();
      bad[at]! ^= 1;
      expect(await refusal(unseal(bad)), `byte ${at}`).toBe('backup.damaged');
    }
    // The clear header is authenticated too: a changed label is caught.
    const relabelled = file.slice();
    relabelled[new TextDecoder('latin1').decode(file.slice(0, first.start)).indexOf('unsynced') + 7] = 'e'.charCodeAt(0);
    expect(await refusal(unseal(relabelled))).toBe('backup.damaged');
    expect(await refusal(unseal(new TextEncoder().encode('PK\u0003\u0004 a zip file')))).toBe('backup.not_a_backup');
  });

  it('refuses a file cut short anywhere, even at a chunk boundary or before the manifest', async () => {
    const file = await seal(sample(10_000));
    const chunks = chunksOf(file);
    for (const length of [10, chunks[0]!.start + 2, chunks[1]!.end, chunks.at(-1)!.start, file.length - 1]) {
      expect(await refusal(unseal(file.slice(0, length))), `cut at ${length}`).toBe('backup.truncated');
    }
  });

  it('refuses chunks reordered, dropped, repeated or added after the end', async () => {
    const file = await seal(sample(10_000));
    const [a, b, c, last] = chunksOf(file) as [
      { start: number; end: number },
      { start: number; end: number },
      { start: number; end: number },
      { start: number; end: number },
    ];
    expect(await refusal(unseal(spliced(file, [b, a, c, last])))).toBe('backup.damaged');
    expect(await refusal(unseal(spliced(file, [a, c, last])))).toBe('backup.damaged');
    expect(await refusal(unseal(spliced(file, [a, b, b, c, last])))).toBe('backup.damaged');
    // Chunks of another file sealed with the same passphrase: another salt, so another key.
    const other = await seal(sample(10_000));
    expect(await refusal(unseal(spliced(file, [a, b, { ...chunksOf(other)[2]!, from: other }, last])))).toBe('backup.damaged');
    const longer = new Uint8Array(file.length + 3);
    longer.set(file);
    expect(await refusal(unseal(longer))).toBe('backup.damaged');
  });
});

describe('records', () => {
  it('carry heads and file bodies through a sealed file', async () => {
    const page = new Blob([sample(9000) as BlobPart], { type: 'application/pdf' });
    const records = [
      { head: { t: 'meta', communeId: 'x' } },
      { head: { t: 'file', sha256: 'ab', type: 'application/pdf' }, body: page },
      { head: { t: 'end' } },
    ];
    const sealed = await collect(recordsToStream(records).pipeThrough(sealStream({ passphrase: PASS, chunkBytes: 4096, ...FAST })));
    const { plaintext } = await openSealed(streamOf(sealed), PASS, OPEN);
    const back = [];
    for await (const record of streamToRecords(plaintext)) back.push(record);
    expect(back.map((r) => r.head)).toEqual(records.map((r) => r.head));
    expect(back[1]!.body!.type).toBe('application/pdf');
    expect(new Uint8Array(await back[1]!.body!.arrayBuffer())).toEqual(sample(9000));
  });
});
