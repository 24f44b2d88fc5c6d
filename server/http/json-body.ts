// Reads a JSON body through a zod schema; anything else is a 400 with a plain Vietnamese message
// and the paths of the fields at fault, before anything is written.
import type { Context } from 'hono';
import type { z } from 'zod';

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S, message: string): Promise<BodyResult<z.infer<S>>> {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, response: c.json({ error: 'bad_json', message: 'Nội dung gửi lên không phải JSON hợp lệ.' }, 400) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => i.path.join('.') || '(gốc)');
    return { ok: false, response: c.json({ error: 'bad_request', message, issues }, 400) };
  }
  return { ok: true, data: parsed.data };
}

export function notFound(c: Context, message = 'Không tìm thấy.') {
  return c.json({ error: 'not_found', message }, 404);
}
