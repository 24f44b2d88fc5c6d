// The desk's actions on a received dossier (hồ sơ): a state-machine move (receiving a supplement
// takes in its papers), the result paper, the citizen's rating. Each one is decided on the row as
// stored and written with its log, outbox entries and files in one transaction
// (commitDossierChange). No React here, so tests drive it directly.
import {
  answerSupplement,
  classifyFinished,
  MAX_NOTE_LENGTH,
  MAX_SUPPLEMENT_ITEM_NAME,
  MAX_SUPPLEMENT_ITEM_REASON,
  MAX_SUPPLEMENT_LINES,
  mayAttachResult,
  mayRate,
  transition,
  type DossierAction,
  type DossierState,
  type TransitionOptions,
} from '../../domain/dossier';
import { MotcuaError, type ErrorParams } from '../../domain/errors';
import { PDF_HEADER_WINDOW, checkAttachment } from '../../domain/files';
import { processingTimeOf, sendableOfficerPhone } from '../../domain/intake';
import { checkRating, MAX_REASON_LENGTH, type SatisfactionValue } from '../../domain/satisfaction';
import {
  commitDossierChange,
  currentOfficer,
  readDeskActor,
  componentsAwaitingPdf,
  getDb,
  listComponentDeliverables,
  readCommune,
  readStoredFile,
  storedBlob,
  readDossierData,
  RESULT_COMPONENT_INDEX,
  supplementComponentIndex,
  type AttachmentRow,
  type DossierData,
  type DossierRow,
  type MotcuaDb,
  type OutboxEntry,
  type SupplementItem,
} from '../../db';
import { clockFor } from '../../shared/lib/working-clock'; // not the index: it pulls in browser-only modules

/** A refused action: `code` (and `params`) for i18n and tests, `message` in Vietnamese for the officer. */
export class DeskActionError extends MotcuaError {
  constructor(code: string, message: string, params?: ErrorParams) {
    super(code, message, params);
    this.name = 'DeskActionError';
  }
}

export interface ActionInput {
  note?: string;
  /** For requestSupplement: the lines of Mẫu 02. */
  supplementItems?: SupplementItem[];
  /** For receiveSupplement: what came back for each line of Mẫu 02 (see SupplementReceipt). */
  supplementReceipt?: SupplementReceipt;
}

/**
 * The papers brought for a supplement: captured under `captureOwner`, component n holding line n
 * of Mẫu 02 (see supplementLines), and a note per line, needed where no paper is kept.
 */
export interface SupplementReceipt {
  captureOwner: string;
  notes?: string[];
}

/** A supplement paper as the outbox names it: the line of Mẫu 02 it answers and its file, by hash. */
export interface SupplementPaper {
  item: number;
  sha256: string;
  name: string;
  type: string;
  size: number;
}

/** Where the supplement's papers wait until the supplement is received: not the dossier's own files. */
export const supplementCaptureOwner = (dossierId: string) => `${dossierId}#bo-sung`;

/**
 * The lines of Mẫu 02 the supplement answers, wherever the request was made (a request made at
 * another desk brings its lines by pull: see readDossierData). Only a request made by an app
 * before the lines travelled has none: its papers then come as one line.
 */
export function supplementLines(row: DossierRow): SupplementItem[] {
  const items = readDossierData(row).supplement?.items ?? [];
  return items.length > 0 ? items : [{ name: 'Giấy tờ bổ sung', reason: '' }];
}

async function deskContext(db: MotcuaDb) {
  const [commune, desk] = await Promise.all([readCommune(db), readDeskActor(db)]);
  return { clock: clockFor(commune), officer: desk.officer, actor: desk.actor, staffId: desk.staffId };
}

/** An outbox entry of this desk's change, under the officer who made it (when one is signed in). */
function outbox(kind: string, id: string, payload: unknown, now: Date, staffId = currentOfficer()?.staffId): Omit<OutboxEntry, 'seq'> {
  return { kind, entityId: id, payload, createdAt: now.toISOString(), status: 'pending', attempts: 0, ...(staffId ? { staffId } : {}) };
}

function cleanItems(items: SupplementItem[] | undefined): SupplementItem[] {
  return (items ?? [])
    .map((i) => ({ name: i.name.normalize('NFC').trim(), reason: i.reason.normalize('NFC').trim() }))
    .filter((i) => i.name !== '' || i.reason !== '');
}

/** Moves the dossier by `action` (only if the state machine allows it now) and records who did it. */
export async function performDossierAction(id: string, action: DossierAction, input: ActionInput = {}, now = new Date(), db = getDb()): Promise<DossierRow> {
  const { clock, officer, actor, staffId } = await deskContext(db);
  return commitDossierChange(db, id, async (row) => {
    const data = readDossierData(row);
    // Read inside the transaction: the papers taken in are exactly the ones the change names.
    const taken = action === 'receiveSupplement' ? await takeSupplementPapers(db, row, input.supplementReceipt) : null;
    let note = input.note?.normalize('NFC').trim() ?? '';
    const items = cleanItems(input.supplementItems);
    if (action === 'requestSupplement') {
      if (items.length === 0 || items.some((i) => i.name === '' || i.reason === '')) {
        throw new DeskActionError('supplement.items_required', 'Ghi rõ từng giấy tờ cần bổ sung và lý do.');
      }
      if (items.length > MAX_SUPPLEMENT_LINES)
        throw new DeskActionError('supplement.too_many_items', `Một phiếu yêu cầu bổ sung ghi tối đa ${MAX_SUPPLEMENT_LINES} giấy tờ.`, {
          max: MAX_SUPPLEMENT_LINES,
        });
      // The gateway takes no longer line (server/sync/schemas.ts): the lines travel to every desk.
      const long = items.findIndex((i) => i.name.length > MAX_SUPPLEMENT_ITEM_NAME || i.reason.length > MAX_SUPPLEMENT_ITEM_REASON);
      if (long >= 0) {
        throw new DeskActionError(
          'supplement.item_too_long',
          `Giấy tờ thứ ${long + 1} ghi quá dài (tên tối đa ${MAX_SUPPLEMENT_ITEM_NAME} ký tự, lý do tối đa ${MAX_SUPPLEMENT_ITEM_REASON} ký tự): rút gọn lại.`,
          { line: long + 1, maxName: MAX_SUPPLEMENT_ITEM_NAME, maxReason: MAX_SUPPLEMENT_ITEM_REASON },
        );
      }
      const list = items.map((i) => `${i.name}: ${i.reason}`).join('; ');
      note = note ? `${list}. ${note}` : list;
    }
    if (taken?.answered.ok && taken.answered.value.note) note = note ? `${taken.answered.value.note}. ${note}` : taken.answered.value.note;
    // The gateway takes no longer note: written here, the change would be refused there for good.
    if (note.length > MAX_NOTE_LENGTH)
      throw new DeskActionError('note.too_long', `Nội dung ghi quá dài (${note.length} ký tự, tối đa ${MAX_NOTE_LENGTH}): rút gọn lại.`, {
        length: note.length,
        max: MAX_NOTE_LENGTH,
      });
    const countedIn = data.intake ? processingTimeOf(data.intake)?.countedIn : undefined;
    const options: TransitionOptions = { extendAppointment: (due, from, to) => clock.extendAppointment(due, from, to, countedIn), note };
    if (action === 'receive' && !data.state.appointmentAt) {
      const time = data.intake ? processingTimeOf(data.intake) : null;
      if (!time) throw new DeskActionError('receive.no_processing_time', 'Chưa biết thời hạn giải quyết của thủ tục này.');
      options.appointmentAt = clock.appointmentFor(now, time);
    }
    const moved = transition<DossierState>(data.state, action, actor, now, options);
    if (!moved.ok) {
      const first = moved.errors[0]!;
      throw new DeskActionError(first.code, first.message, first.params);
    }
    // After the state machine: a dossier not waiting for a supplement is refused for that, not for its papers.
    if (taken && !taken.answered.ok) {
      const first = taken.answered.errors[0]!;
      throw new DeskActionError(first.code, first.message, first.params);
    }
    const state = moved.value;
    const entry = state.log[state.log.length - 1]!;
    const phone = sendableOfficerPhone(officer.officerPhone);
    const next: Partial<DossierData> = { ...data, state };
    if (action === 'requestSupplement') next.supplement = { items, requestedAt: now.toISOString(), officer };
    if (action === 'returnResult' && state.appointmentAt) next.timing = classifyFinished(state.appointmentAt, state.resultReadyAt ?? now);
    return {
      row: {
        ...row,
        status: state.status,
        dueAt: state.appointmentAt ? state.appointmentAt.toISOString() : row.dueAt,
        data: next,
        updatedAt: now.toISOString(),
        syncState: 'waiting',
      },
      log: [
        {
          dossierId: id,
          at: now.toISOString(),
          who: entry.who,
          role: entry.role,
          action,
          fromStatus: entry.from,
          toStatus: entry.to,
          ...(entry.note ? { note: entry.note } : {}),
        },
      ],
      outbox: [
        outbox(
          'dossier.transition',
          id,
          {
            dossierId: id,
            action,
            actor,
            at: now.toISOString(),
            ...(entry.note ? { note: entry.note } : {}),
            // The lines themselves, so a desk that did not write them can take in a paper per line.
            ...(action === 'requestSupplement' ? { items } : {}),
            // And who to call about them: Mẫu 02 printed at another desk shows this desk's phone.
            ...(action === 'requestSupplement' && phone ? { officerPhone: phone } : {}),
            ...(taken && taken.papers.length > 0 ? { papers: taken.papers.map(({ blob: _bytes, ...paper }) => paper) } : {}),
          },
          now,
          staffId,
        ),
      ],
      ...(taken
        ? {
            files: taken.papers.map(({ blob, item, ...file }) => ({
              attachment: { id: crypto.randomUUID(), ownerId: id, componentIndex: supplementComponentIndex(item), ...file },
              blob,
            })),
            clearComponents: taken.lines.map((_, i) => ({ ownerId: taken.captureOwner, componentIndex: i })),
          }
        : {}),
    };
  }).catch((error: unknown) => {
    throw error instanceof DeskActionError
      ? error
      : new DeskActionError(
          error instanceof MotcuaError ? error.code : 'write_failed',
          error instanceof Error ? error.message : String(error),
          error instanceof MotcuaError ? error.params : undefined,
        );
  });
}

/**
 * The supplement's papers as captured, line by line: each line's PDF (and any PDF chosen as it
 * was), read with its bytes so a file gone from the device refuses the receipt instead of sending
 * a change that names nothing. A PDF not yet made from the latest pages refuses it too (like
 * intake): receiving then would keep an old copy. Whether every line is answered is the domain's
 * rule (answerSupplement), judged after the state machine.
 */
async function takeSupplementPapers(db: MotcuaDb, row: DossierRow, receipt: SupplementReceipt | undefined) {
  const lines = supplementLines(row);
  const captureOwner = receipt?.captureOwner ?? supplementCaptureOwner(row.id);
  if ((await componentsAwaitingPdf(db, captureOwner)).length > 0) {
    throw new DeskActionError('supplement.pdf_pending', 'Tệp PDF của giấy tờ bổ sung đang được ghép: chờ vài giây rồi bấm lại.');
  }
  const papers: (SupplementPaper & { blob: Blob })[] = [];
  const counts: number[] = [];
  for (const [item] of lines.entries()) {
    const deliverables: AttachmentRow[] = await listComponentDeliverables(db, captureOwner, item);
    for (const d of deliverables) {
      // As stored (sealed or not): this runs inside the change's transaction, where nothing is opened.
      const stored = await readStoredFile(db, d.sha256);
      if (!stored || d.type !== 'application/pdf')
        throw new DeskActionError('supplement.file_missing', `Tệp ${d.name} không còn trên máy: chụp lại giấy tờ này.`, { name: d.name });
      papers.push({ item, sha256: d.sha256, name: d.name, type: d.type, size: stored.size, blob: stored.blob });
    }
    counts.push(deliverables.length);
  }
  const answered = answerSupplement(
    lines,
    lines.map((_, i) => ({ papers: counts[i]!, note: receipt?.notes?.[i] ?? '' })),
  );
  return { lines, captureOwner, papers, answered };
}

/** The citizen's rating at return: once per dossier, "Không hài lòng" with a reason. */
export async function rateDossier(id: string, value: SatisfactionValue, reason: string | undefined, now = new Date(), db = getDb()): Promise<DossierRow> {
  const checked = checkRating(value, reason, now);
  if (!checked.ok) throw new DeskActionError(checked.code, checked.message, { max: MAX_REASON_LENGTH });
  const { rating } = checked;
  return commitDossierChange(db, id, (row) => {
    const data = readDossierData(row);
    if (!mayRate(row.status)) throw new DeskActionError('rating.not_returned', 'Chỉ đánh giá khi đã trả kết quả.');
    if (data.rating) throw new DeskActionError('rating.already', 'Hồ sơ này đã được đánh giá.');
    const stored = { value: rating.value, at: now.toISOString(), ...(rating.reason ? { reason: rating.reason } : {}) };
    return {
      row: { ...row, data: { ...data, rating: stored }, updatedAt: now.toISOString(), syncState: 'waiting' },
      outbox: [outbox('dossier.rate', id, { dossierId: id, rating: rating.value, ...(rating.reason ? { reason: rating.reason } : {}), at: stored.at }, now)],
    };
  });
}

/** Statuses in which a result paper may be attached: while processing, once ready, after return. */

export interface ResultFile {
  blob: Blob;
  name: string;
}

/** The result papers as one change: each file attached and named in its own outbox entry. */
function resultChange(
  id: string,
  files: { blob: Blob; sha256: string; name: string; type: string; size: number }[],
  now: Date,
  clear: { ownerId: string; componentIndex: number }[] = [],
) {
  return (row: DossierRow) => {
    if (!mayAttachResult(row.status)) throw new DeskActionError('result.not_allowed', 'Chỉ đính kèm kết quả khi hồ sơ đang xử lý hoặc đã có kết quả.');
    return {
      row: { ...row, updatedAt: now.toISOString(), syncState: 'waiting' as const },
      outbox: files.map((f) =>
        outbox('dossier.result', id, { dossierId: id, sha256: f.sha256, name: f.name, type: f.type, size: f.size, at: now.toISOString() }, now),
      ),
      files: files.map((f) => ({
        attachment: {
          id: crypto.randomUUID(),
          ownerId: id,
          componentIndex: RESULT_COMPONENT_INDEX,
          sha256: f.sha256,
          name: f.name,
          type: f.type,
          size: f.size,
        },
        blob: f.blob,
      })),
      clearComponents: clear,
    };
  };
}

/**
 * Attaches a result paper (giấy tờ kết quả) given as a file, under its SHA-256: a PDF only, judged
 * by its bytes (a photo is digitized first: see attachCapturedResult). `sha256Of` is the digest
 * worker in the app, Web Crypto in tests.
 */
export async function attachResult(
  id: string,
  file: ResultFile,
  sha256Of: (blob: Blob) => Promise<string>,
  now = new Date(),
  db = getDb(),
): Promise<DossierRow> {
  const head = new Uint8Array(await file.blob.slice(0, PDF_HEADER_WINDOW).arrayBuffer());
  const check = checkAttachment(head, file.blob.size);
  if (!check.ok) throw new DeskActionError(`file.${check.reason}`, 'Tệp không phải PDF hợp lệ, hoặc quá lớn.');
  if (check.mime !== 'application/pdf') throw new DeskActionError('file.not_pdf', 'Giấy tờ kết quả phải là tệp PDF: ảnh chụp cần được số hóa trước.');
  const sha256 = await sha256Of(file.blob);
  const blob = await storedBlob(db, file.blob);
  return commitDossierChange(db, id, resultChange(id, [{ blob, sha256, name: file.name, type: check.mime, size: file.blob.size }], now));
}

/**
 * Attaches the result paper digitized under `captureOwner` (component 0: the PDF of its pages and
 * any PDF chosen as it was) and clears that capture, in one transaction.
 */
export async function attachCapturedResult(id: string, captureOwner: string, now = new Date(), db = getDb()): Promise<DossierRow> {
  if ((await componentsAwaitingPdf(db, captureOwner)).length > 0) {
    throw new DeskActionError('result.pdf_pending', 'Giấy tờ kết quả đang được xử lý hoặc ghép thành PDF: chờ xử lý xong rồi bấm lại.');
  }
  const deliverables = await listComponentDeliverables(db, captureOwner, 0);
  if (deliverables.length === 0) throw new DeskActionError('result.nothing_captured', 'Chưa có trang nào của giấy tờ kết quả.');
  const files = await Promise.all(
    deliverables.map(async (d) => {
      const stored = await readStoredFile(db, d.sha256);
      if (!stored || d.type !== 'application/pdf') throw new DeskActionError('result.file_missing', `Tệp ${d.name} không còn trên máy.`, { name: d.name });
      return { blob: stored.blob, sha256: d.sha256, name: d.name, type: d.type, size: stored.size };
    }),
  );
  return commitDossierChange(db, id, resultChange(id, files, now, [{ ownerId: captureOwner, componentIndex: 0 }]));
}
