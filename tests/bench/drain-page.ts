// Runs inside the app's page for the drain benchmark (bundled by drain.bench.ts): receives dossiers
// with their scanned pages through the app's own intake code (draft, attached files, receipt in
// one transaction, outbox entry naming the files), and reads what still waits in the outbox.
import { attachFile, createDraft, getDb } from '../../src/db';
import { demoCatalogue } from '../../src/domain/catalogue';
import { newDraftData } from '../../src/domain/intake';
import { receiveDraft } from '../../src/features/intake/receive';

export interface Generated {
  dossiers: number;
  files: number;
  fileBytes: number;
  ms: number;
}

export interface Waiting {
  pending: number;
  rejected: number;
  /** UTF-8 bytes of each waiting entry as the pump puts it in a push body. */
  jsonBytes: number;
  reasons: string[];
}

const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A scanned page as the app judges it (JPEG magic bytes, JFIF header), filled with random bytes:
 * a JPEG's entropy-coded data does not compress either, and every page is distinct, so no file
 * is skipped as one the gateway already holds.
 */
function scannedPage(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  // getRandomValues fills at most 64 KiB per call.
  for (let at = 11; at < size - 2; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(size - 2, at + 65_536)));
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

interface Paper {
  bytes: Uint8Array<ArrayBuffer>;
  name: string;
  type: string;
}

/** `count` khai sinh dossiers, each with `perDossier` files made by `paper(dossier, k)`, received now. */
async function receiveWithPapers(count: number, perDossier: number, paper: (i: number, k: number) => Paper): Promise<Generated> {
  const started = performance.now();
  const db = getDb();
  const catalogue = demoCatalogue();
  const procedure = catalogue.procedures.find((p) => p.code === '1.001193') ?? catalogue.procedures[0]!;
  let files = 0;
  let fileBytes = 0;
  for (let i = 0; i < count; i++) {
    const draftId = crypto.randomUUID();
    const data = newDraftData(procedure, catalogue.version);
    const n = String(i + 1).padStart(5, '0');
    data.applicant = {
      fullName: `Lò Văn Bản ${n}`,
      idNumber: `0010990${n}`,
      birthDate: '1999-03-15',
      sex: 'Nam',
      address: 'Thôn Nà Pồ, xã Bản Mẫu',
      phone: '0912345678',
      email: '',
    };
    data.components = data.components.map((c) => ({ ...c, received: true }));
    const at = new Date().toISOString();
    await createDraft(db, { id: draftId, procedureCode: procedure.code, procedure, step: 'review', data, createdAt: at, updatedAt: at });
    for (let k = 0; k < perDossier; k++) {
      const { bytes, name, type } = paper(i, k);
      const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
      const componentIndex = k % procedure.components.length;
      await attachFile(db, { id: crypto.randomUUID(), ownerId: draftId, componentIndex, sha256, name, type, size: bytes.length }, new Blob([bytes], { type }));
      files++;
      fileBytes += bytes.length;
    }
    await receiveDraft(draftId, data, procedure);
  }
  return { dossiers: count, files, fileBytes, ms: performance.now() - started };
}

/** `count` khai sinh dossiers, each with `pages` page files of `pageBytes`, received now. */
export function generate(count: number, pages: number, pageBytes: number): Promise<Generated> {
  return receiveWithPapers(count, pages, (_i, k) => ({ bytes: scannedPage(pageBytes), name: `trang-${k + 1}.jpg`, type: 'image/jpeg' }));
}

/** `count` khai sinh dossiers, each with the given digitized papers (PDFs, base64), received now. */
export function generateFromPapers(count: number, papers: string[]): Promise<Generated> {
  const pdfs = papers.map(fromBase64);
  return receiveWithPapers(count, pdfs.length, (i, k) => ({ bytes: distinctPaper(pdfs[k]!, i, k), name: `giay-${k + 1}.pdf`, type: 'application/pdf' }));
}

/** What the outbox still holds: entries waiting to go, and any the gateway refused. */
export async function waiting(): Promise<Waiting> {
  const entries = await getDb().outbox.toArray();
  const encoder = new TextEncoder();
  let jsonBytes = 0;
  for (const e of entries) {
    if (e.status === 'pending') jsonBytes += encoder.encode(JSON.stringify({ mutation: e.seq, kind: e.kind, entityId: e.entityId, payload: e.payload })).length;
  }
  const rejected = entries.filter((e) => e.status === 'rejected');
  return {
    pending: entries.length - rejected.length,
    rejected: rejected.length,
    jsonBytes,
    reasons: [...new Set(rejected.map((e) => e.lastError ?? ''))].slice(0, 3),
  };
}

/** Resolves once no entry waits to be sent (or `timeoutMs` has passed), checking every 100 ms. */
export async function drained(timeoutMs: number): Promise<Waiting & { timedOut: boolean }> {
  const deadline = performance.now() + timeoutMs;
  const outbox = getDb().outbox;
  while ((await outbox.where('status').equals('pending').count()) > 0) {
    if (performance.now() > deadline) return { ...(await waiting()), timedOut: true };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...(await waiting()), timedOut: false };
}

/**
 * A copy of a digitized paper (a PDF from the digitize worker) made distinct for dossier `n`: the
 * trailer's document identifier, 32 hex digits twice, is rewritten in place. The file stays a valid
 * PDF of the same size, and no copy is skipped as one the gateway already holds.
 */
function distinctPaper(pdf: Uint8Array, n: number, k: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(pdf);
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 400)));
  const found = /\/ID \[<([0-9a-f]{32})> <[0-9a-f]{32}>\]/.exec(tail);
  if (!found) throw new Error('drain: the paper has no document identifier to vary');
  const id = `${n.toString(16).padStart(8, '0')}${k.toString(16).padStart(8, '0')}${found[1]!.slice(16)}`;
  const at = bytes.length - tail.length + found.index;
  const text = `/ID [<${id}> <${id}>]`;
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return bytes;
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
