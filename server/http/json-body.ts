// Request bodies: bounded on every route before anyone reads them (413), then read as JSON through
// a zod schema; anything else is a 400 with a plain Vietnamese message and the paths of the fields
// at fault, before anything is written.
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { unknownFieldNames } from '../../src/domain/schema/unknown-fields';

/** Enrolment, sign-in, code blocks, admin forms, held-files questions: a few KB at most. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * How a route's body is bounded: `bytes` at most; `counted` (the default) also counts the bytes as
 * they are read, for bodies without a Content-Length (chunked) or with a false one. Upload chunks
 * are not counted here: tus reads them as a stream and stops at the upload's declared length.
 */
export interface BodyBound {
  bytes: number;
  counted?: boolean;
  /** The route's own 413 (a page for a browser form); the API's JSON by default. */
  answer?: (c: Context) => Response;
}

export function tooLarge(c: Context, bytes: number) {
  const size = bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
  return c.json({ error: 'too_large', message: `Nội dung gửi lên quá lớn (tối đa ${size}); không có gì được ghi.` }, 413);
}

/**
 * Bounds every request body before any handler (or the authentication in front of it) touches it:
 * a declared length over the bound is refused at once, unread; an undeclared one is cut off as
 * soon as it passes the bound, and whatever the handler made of the cut body becomes a 413.
 */
export function boundBodies(boundOf: (c: Context) => BodyBound): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (raw.method === 'GET' || raw.method === 'HEAD' || !raw.body) return next();
    const { bytes, counted = true, answer = (cx: Context) => tooLarge(cx, bytes) } = boundOf(c);
    const declared = raw.headers.get('content-length');
    if (declared !== null && !(Number(declared) <= bytes)) return answer(c);
    if (!counted) return next();
    let seen = 0;
    let overflow = false;
    const body = raw.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > bytes) {
            overflow = true;
            controller.error(new Error('request body over its bound'));
            return;
          }
          controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(raw, { body, duplex: 'half' } as RequestInit);
    await next();
    if (overflow) c.res = answer(c);
  };
}

/**
 * Where a body went wrong, one line per issue: the field's path, and for fields the gateway does
 * not know, their names (cut short, they came from outside), so the sender sees what to remove.
 */
export function issueList(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const at = issue.path.join('.') || '(gốc)';
    if (issue.code !== 'unrecognized_keys') return at;
    return `${at}: trường lạ ${unknownFieldNames(issue.keys, 5)}`;
  });
}

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S, message: string): Promise<BodyResult<z.infer<S>>> {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, response: c.json({ error: 'bad_json', message: 'Nội dung gửi lên không phải JSON hợp lệ.' }, 400) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, response: c.json({ error: 'bad_request', message, issues: issueList(parsed.error.issues) }, 400) };
  return { ok: true, data: parsed.data };
}

export function notFound(c: Context, message = 'Không tìm thấy.') {
  return c.json({ error: 'not_found', message }, 404);
}
