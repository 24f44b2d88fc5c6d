// Text no database column can hold (a NUL byte, half a surrogate pair) in a JSON body is answered
// with 400 and a plain reason before the body's schema or any query sees it; otherwise the query
// fails inside the database and the caller gets a 500 that says nothing.
import type { Context } from 'hono';
import { unstorableReason } from '../sync/entry-check';

/** A 400 response when the body holds unstorable text; null when it is clean or not JSON (the schema answers then). */
export async function refuseBadText(c: Context): Promise<Response | null> {
  let json: unknown;
  try {
    // Hono keeps the text, so the schema's reading of the body afterwards gets the same.
    json = JSON.parse(await c.req.text());
  } catch {
    return null;
  }
  const reason = unstorableReason(json);
  if (!reason) return null;
  return c.json({ error: 'bad_request', message: `Nội dung gửi lên chứa ký tự không hợp lệ: ${reason}. Hãy gõ lại, không dán ký tự lạ.` }, 400);
}
