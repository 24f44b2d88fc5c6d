// The shape of a pull answer (server/sync/pull.ts), checked before anything is written: a page
// that does not parse, or whose checkpoint and versions do not fit together, changes nothing.
import { z } from '../domain/schema';
import type { PulledChange } from '../db';

const instant = z.iso.datetime({ offset: true });
const version = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

const logEntry = z.looseObject({
  who: z.string(),
  role: z.string(),
  at: instant,
  action: z.string().min(1),
  from: z.int().min(1).max(10).nullable(),
  to: z.int().min(1).max(10),
  note: z.string().optional(),
});

// Containers are loose: a newer gateway's extra fields are kept on the row, not refused. A
// community team's submission (issue 15) has no code, receipt or appointment until a desk
// receives it: its lookup code and time of submission stand in for them (pulledRow).
const dossier = z
  .looseObject({
    id: z.string().min(1).max(128),
    code: z.string().min(1).max(64).optional(),
    lookupCode: z.string().min(1).max(16).optional(),
    submittedAt: instant.optional(),
    provisionalCode: z.string().max(64).optional(),
    status: z.int().min(1).max(10),
    procedureCode: z.string(),
    procedureName: z.string(),
    field: z.string(),
    catalogueVersion: z.int().min(0),
    applicantName: z.string(),
    applicantIdNumber: z.string(),
    receivedAt: instant.optional(),
    dueAt: instant.optional(),
    updatedAt: instant,
    data: z.looseObject({ state: z.looseObject({ log: z.array(logEntry) }) }),
    attachments: z
      .array(
        z.looseObject({
          componentIndex: z.int(),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
          name: z.string().max(300),
          type: z.string().max(100),
          size: z.int().min(0),
        }),
      )
      .max(500)
      .optional(),
  })
  .refine((d) => (d.code !== undefined && d.receivedAt !== undefined && d.dueAt !== undefined) || (d.lookupCode !== undefined && d.submittedAt !== undefined), {
    error: 'hồ sơ thiếu mã hồ sơ và thời điểm tiếp nhận (hoặc mã tra cứu và thời điểm nộp)',
  });

const change = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('dossier'),
    version,
    dossier,
    changedBy: z.object({ deviceId: z.string().nullable(), staffId: z.string().nullable(), name: z.string().nullable(), kind: z.string() }),
  }),
  z.object({ type: z.literal('catalogue'), version, catalogueVersion: z.int().min(0), issuedAt: z.string() }),
]);

const pageSchema = z.object({
  reset: z.boolean(),
  checkpoint: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  hasMore: z.boolean(),
  changes: z.array(change),
});

export type PullAnswer = { reset: true } | { reset: false; checkpoint: number; hasMore: boolean; changes: PulledChange[] };

export type ParsedAnswer = { ok: true; answer: PullAnswer } | { ok: false; problem: string };

/** Parses an answer to `GET /api/sync/pull?since=<since>`, including the promises the contract makes about versions. */
export function parsePullAnswer(body: unknown, since: number): ParsedAnswer {
  const parsed = pageSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `sai cấu trúc ở ${issue?.path.join('.') || 'gốc'}: ${issue?.message ?? ''}`.trim() };
  }
  const page = parsed.data;
  if (page.reset) return { ok: true, answer: { reset: true } };
  if (page.checkpoint < since) return { ok: false, problem: `mốc đồng bộ lùi lại (${page.checkpoint} < ${since})` };
  if (page.hasMore && page.checkpoint === since) return { ok: false, problem: 'còn dữ liệu nhưng mốc đồng bộ không tiến' };
  let previous = since;
  for (const c of page.changes) {
    // Versions grow within a page and never pass the checkpoint, or a later page could skip a change.
    if (c.version <= previous || c.version > page.checkpoint)
      return { ok: false, problem: `phiên bản ${c.version} nằm ngoài khoảng (${since}, ${page.checkpoint}]` };
    previous = c.version;
  }
  return { ok: true, answer: { reset: false, checkpoint: page.checkpoint, hasMore: page.hasMore, changes: page.changes } };
}
