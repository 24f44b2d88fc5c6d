// The shapes devices push, parsed before anything is applied. They mirror the app's own types:
// DossierRow (src/db/schema.ts) carrying DossierData (src/features/intake/receive.ts) as JSON,
// i.e. with every Date as ISO text. Every object is strict: a field the gateway does not know is
// refused, not stored and handed to every device of the commune on pull (a device could otherwise
// park megabytes under any name). A new field of the app is added here in the same change.
import { z } from 'zod';
import { DURATION_UNITS, officeHoursSchema } from '../../src/domain/calendar';
import { validateVietnamesePhone } from '../../src/domain/citizen';
import { OFFICER_FIELD_MAX, PERSON_FIELD_MAX } from '../../src/domain/intake';
import {
  ACTOR_ROLES,
  DOSSIER_ACTIONS,
  isLookupCode,
  MAX_NOTE_LENGTH,
  MAX_SUPPLEMENT_ITEM_NAME,
  MAX_SUPPLEMENT_ITEM_REASON,
  MAX_SUPPLEMENT_LINES,
} from '../../src/domain/dossier';

export const MAX_ENTRIES_PER_PUSH = 100;
export const MAX_PUSH_BYTES = 5 * 1024 * 1024;

const isoTime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().max(max);
const statusCode = z.int().min(1).max(10);

export const pushEntrySchema = z.strictObject({
  mutation: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  kind: z.string().min(1).max(64),
  entityId: z.string().min(1).max(128),
  payload: z.unknown(),
});
export type PushEntry = z.infer<typeof pushEntrySchema>;

/**
 * The batch: only each entry's mutation number must be sound for the batch to be taken, since the
 * answer is keyed by it. An entry with a sound number but a bad kind or entityId is refused on its
 * own (recorded, like any refusal), so it cannot hold back the rest of the queue.
 */
export const pushBodySchema = z.strictObject({
  // Loose here on purpose: an entry's other fields, known or not, are judged per entry (entry-check.ts).
  entries: z.array(z.looseObject({ mutation: z.int().min(1).max(Number.MAX_SAFE_INTEGER) })),
});
export type IncomingEntry = z.infer<typeof pushBodySchema>['entries'][number];

const personSchema = z.strictObject({
  fullName: text(PERSON_FIELD_MAX.fullName),
  idNumber: text(PERSON_FIELD_MAX.idNumber),
  birthDate: text(PERSON_FIELD_MAX.birthDate),
  sex: z.enum(['', 'Nam', 'Nữ']),
  address: text(PERSON_FIELD_MAX.address),
  phone: text(PERSON_FIELD_MAX.phone),
  email: text(PERSON_FIELD_MAX.email),
});

const intakeSchema = z.strictObject({
  procedureCode: text(64),
  catalogueVersion: z.int().min(0),
  applicant: personSchema,
  ownerIsApplicant: z.boolean(),
  owner: personSchema,
  components: z
    .array(
      z.strictObject({
        index: z.int().min(0),
        received: z.boolean(),
        receivedAs: z.enum(['original', 'certifiedCopy', 'photocopy']),
        count: z.int().min(0),
        conditionApplies: z.boolean(),
      }),
    )
    .max(200),
  sets: z.int().min(0),
  processingDays: z.number().min(0).nullable(),
  countedIn: z.enum(DURATION_UNITS).optional(),
  fees: z.strictObject({
    pages: z.number(),
    copies: z.number(),
    manualAmount: z.number(),
    exemption: text(64),
    method: z.enum(['cash', 'transfer']),
  }),
  note: text(4000),
});

const procedureSnapshotSchema = z.strictObject({
  code: text(64),
  name: text(500),
  field: text(200),
  processingText: text(1000).optional(),
  // ProcedureComponentSchema (src/domain/catalogue/schema.ts) as the catalogue gave it.
  components: z
    .array(
      z.strictObject({
        name: text(1000),
        required: z.boolean(),
        original: z.int().min(0).optional(),
        copies: z.int().min(0).optional(),
        presentOnly: z.boolean().optional(),
        condition: text(2000).optional(),
        inferred: z.boolean().optional(),
      }),
    )
    .max(200),
});

/** FeeQuote (src/domain/payment/fees.ts). */
const feeQuoteSchema = z.strictObject({
  lines: z.array(z.strictObject({ label: text(500), quantity: z.number(), unitPrice: z.number(), amount: z.number() })).max(100),
  total: z.number().min(0),
  exemption: z.strictObject({ reason: text(64), label: text(500), waivedAmount: z.number() }).optional(),
  notApplicableExemptions: z.array(text(64)).max(20),
});

export const actorRoleSchema = z.enum(ACTOR_ROLES);

export const dossierActionSchema = z.enum(DOSSIER_ACTIONS);

const logEntrySchema = z.strictObject({
  who: text(200),
  whoId: text(128),
  role: actorRoleSchema,
  at: isoTime,
  action: z.union([dossierActionSchema, z.literal('submit')]),
  from: statusCode.nullable(),
  to: statusCode,
  note: text(4000).optional(),
  appointmentBefore: isoTime.optional(),
  appointmentAfter: isoTime.optional(),
});

/** DossierState (src/domain/dossier) as JSON. */
export const dossierStateSchema = z.strictObject({
  status: statusCode,
  appointmentAt: isoTime.nullable(),
  supplementRequests: z.int().min(0),
  pausedAt: isoTime.nullable(),
  receivedAt: isoTime.nullable(),
  resultReadyAt: isoTime.nullable(),
  returnedAt: isoTime.nullable(),
  log: z.array(logEntrySchema).min(1).max(500),
});
export type DossierStateJson = z.infer<typeof dossierStateSchema>;

const dossierDataSchema = z.strictObject({
  intake: intakeSchema,
  procedure: procedureSnapshotSchema,
  fees: feeQuoteSchema,
  state: dossierStateSchema,
  // CommuneInfo as the gateway handed it to the device; the office hours under their own schema.
  commune: z.strictObject({
    id: text(64),
    name: text(200),
    provinceCode: text(8),
    agencyCode: text(32),
    officeHours: z.unknown().refine((hours) => hours === null || officeHoursSchema.safeParse(hours).success, { error: 'giờ làm việc không hợp lệ' }),
  }),
  officer: z.strictObject({ officerName: text(OFFICER_FIELD_MAX.officerName), officerPhone: text(OFFICER_FIELD_MAX.officerPhone) }),
  refusalReason: text(4000).optional(),
  channel: z.enum(['direct', 'online']).optional(),
});

/** A file of a component, uploaded separately (resumable, by hash) and named here by its SHA-256. */
const attachmentRefSchema = z.strictObject({
  componentIndex: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: text(300),
  type: text(100),
  size: z.int().min(0),
});

/** DossierRow (src/db/schema.ts) as the outbox carries it; syncState is the device's own and is dropped. */
export const dossierRowSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  code: z.string().min(1).max(64),
  provisionalCode: z.string().max(64).optional(),
  status: statusCode,
  procedureCode: text(64),
  procedureName: text(500),
  field: text(200),
  catalogueVersion: z.int().min(0),
  applicantName: text(200),
  applicantIdNumber: text(20),
  receivedAt: isoTime,
  dueAt: isoTime,
  syncState: z.string().optional(),
  data: dossierDataSchema,
  updatedAt: isoTime,
  attachments: z.array(attachmentRefSchema).max(500).optional(),
});
export type DossierRowJson = z.infer<typeof dossierRowSchema>;

/** A lookup code in its shown and stored form (src/domain/dossier/lookup-code.ts). */
const lookupCodeSchema = z.string().refine(isLookupCode, { error: 'mã tra cứu phải có dạng XXXXX-XXXXX (10 ký tự Crockford base32)' });

/**
 * 'dossier.submit' (issue 15): a community team's online submission as its tablet keeps it — a
 * DossierRow of status 1 without an official code, a receipt or an appointment (a desk gives those
 * when it receives it), carrying instead the tracking slip's lookup code and when it was submitted.
 */
export const submissionRowSchema = z.strictObject({
  id: dossierRowSchema.shape.id,
  lookupCode: lookupCodeSchema,
  status: z.literal(1),
  procedureCode: text(64),
  procedureName: text(500),
  field: text(200),
  catalogueVersion: z.int().min(0),
  applicantName: text(200),
  applicantIdNumber: text(20),
  submittedAt: isoTime,
  syncState: z.string().optional(),
  data: dossierDataSchema,
  updatedAt: isoTime,
  attachments: z.array(attachmentRefSchema).max(500).optional(),
});
export type SubmissionRowJson = z.infer<typeof submissionRowSchema>;

/**
 * A dossier as the gateway stores it and devices pull it: a desk's DossierRow, or a submission
 * (no code, receivedAt or dueAt until a desk receives it; lookupCode and submittedAt for ever).
 */
export type StoredDossierJson = Omit<DossierRowJson, 'code' | 'receivedAt' | 'dueAt' | 'syncState'> & {
  code?: string;
  receivedAt?: string;
  dueAt?: string;
  lookupCode?: string;
  submittedAt?: string;
};

/** Who acted, as a move names them (the gateway trusts the staff session over it: see actor-check.ts). */
const actorSchema = z.strictObject({ id: text(128), name: z.string().trim().min(1).max(OFFICER_FIELD_MAX.officerName), role: actorRoleSchema });

/** 'dossier.resubmit' (issue 15): the team's answer to a supplement request made before receipt (5 → 1), with the papers added. */
export const resubmitPayloadSchema = z.strictObject({
  dossierId: z.string().min(1).max(64),
  actor: actorSchema,
  at: isoTime,
  note: text(MAX_NOTE_LENGTH).optional(),
  /** Papers added to the submission's own (uploaded beforehand, like a submission's). */
  attachments: z.array(attachmentRefSchema).min(1).max(500).optional(),
});

/**
 * 'dossier.receiveSubmission' (issue 15): a desk receives a submission (1 → 2) under a code from
 * its reserve, or a provisional TAM- code the gateway replaces, exactly as for 'dossier.receive';
 * the appointment is counted by the gateway from `at`. `officer`, when given, is the receiving
 * officer printed on the receipt (the submission's own is the team member's).
 */
export const receiveSubmissionPayloadSchema = z.strictObject({
  dossierId: z.string().min(1).max(64),
  code: z.string().min(1).max(64),
  actor: actorSchema,
  at: isoTime,
  officer: z.strictObject({ officerName: text(OFFICER_FIELD_MAX.officerName), officerPhone: text(OFFICER_FIELD_MAX.officerPhone) }).optional(),
});

/**
 * A paper brought for a supplement (hồ sơ bổ sung), named like a result paper by the SHA-256 of a
 * file uploaded beforehand; `item` is the line of Mẫu 02 it answers. Digitized, so a PDF only.
 */
export const supplementPaperSchema = z.strictObject({
  item: z
    .int()
    .min(0)
    .max(MAX_SUPPLEMENT_LINES - 1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().trim().min(1).max(300),
  type: z.literal('application/pdf'),
  size: z.int().min(1),
});
export type SupplementPaperJson = z.infer<typeof supplementPaperSchema>;

/**
 * A line of Mẫu 02 (SupplementItem, src/db/dossier-data.ts): the paper asked for and why, both
 * required as the desk requires them, so the desk receiving the supplement can name each paper.
 */
export const supplementItemSchema = z.strictObject({
  name: z.string().trim().min(1).max(MAX_SUPPLEMENT_ITEM_NAME),
  reason: z.string().trim().min(1).max(MAX_SUPPLEMENT_ITEM_REASON),
});
export type SupplementItemJson = z.infer<typeof supplementItemSchema>;

/** An officer's phone as the desk profile keeps it: bounded, and a phone by the desk's own rule. */
export const officerPhoneSchema = z
  .string()
  .max(OFFICER_FIELD_MAX.officerPhone)
  .refine((phone) => validateVietnamesePhone(phone).ok, { error: 'số điện thoại của cán bộ không hợp lệ' });

export const transitionPayloadSchema = z.strictObject({
  dossierId: z.string().min(1).max(64),
  action: dossierActionSchema,
  actor: actorSchema,
  at: isoTime,
  note: text(MAX_NOTE_LENGTH).optional(),
  /** Only with receiveSupplement: the papers received, taken in with the move or not at all. */
  papers: z.array(supplementPaperSchema).min(1).max(MAX_SUPPLEMENT_LINES).optional(),
  /** Only with requestSupplement: the lines of Mẫu 02 (apps before them sent the note alone). */
  items: z.array(supplementItemSchema).min(1).max(MAX_SUPPLEMENT_LINES).optional(),
  /** Only with requestSupplement: the requesting officer's phone, printed on Mẫu 02 at every desk. */
  officerPhone: officerPhoneSchema.optional(),
});

export const ratingSchema = z.enum(['veryGood', 'good', 'bad']);

export const ratePayloadSchema = z.strictObject({
  dossierId: z.string().min(1).max(64),
  rating: ratingSchema,
  reason: text(4000).optional(),
  at: isoTime.optional(),
});

/**
 * 'dossier.result': the result paper (giấy tờ kết quả) attached on a device, named by the SHA-256
 * of a file uploaded beforehand (tus, /api/files). `at` is optional: apps before it sent none.
 */
export const resultPayloadSchema = z.strictObject({
  dossierId: z.string().min(1).max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().trim().min(1).max(300),
  type: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.int().min(1),
  at: isoTime.optional(),
});
