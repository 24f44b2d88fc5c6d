// The gateway's per-entry answers to a push (server/sync/push.ts), checked before they are
// applied: an answer that does not parse is left out, so its entry stays queued and is sent again
// (the gateway applies each entry once and answers a replay the same way).
import { isErrorCode } from '../domain/errors';
import { z } from '../domain/schema';
import type { PushResult } from '../db';

const mutation = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

// Loose objects: a newer gateway's extra fields are ignored, not refused.
const accepted = z.looseObject({
  mutation,
  status: z.literal('accepted'),
  serverVersion: z.number().optional(),
  officialCode: z.string().min(1).max(64).optional(),
});

const rejected = z.looseObject({
  mutation,
  status: z.literal('rejected'),
  reason: z.string().max(4000),
  // Optional (older gateways send none). A code that is not one is dropped, not the answer: the reason still tells the officer.
  code: z.unknown().optional(),
});

const result = z.discriminatedUnion('status', [accepted, rejected]);

/** The answers of a push body that parse, in order; none when the body has no list of them. */
export function parsePushResults(body: unknown): PushResult[] {
  const list = body && typeof body === 'object' ? (body as { results?: unknown }).results : undefined;
  if (!Array.isArray(list)) return [];
  const results: PushResult[] = [];
  for (const item of list) {
    const parsed = result.safeParse(item);
    if (!parsed.success) continue;
    const r = parsed.data;
    if (r.status === 'accepted') {
      results.push({
        mutation: r.mutation,
        status: 'accepted',
        ...(r.serverVersion !== undefined ? { serverVersion: r.serverVersion } : {}),
        ...(r.officialCode !== undefined ? { officialCode: r.officialCode } : {}),
      });
    } else {
      results.push({ mutation: r.mutation, status: 'rejected', reason: r.reason, ...(isErrorCode(r.code) ? { code: r.code } : {}) });
    }
  }
  return results;
}
