// The citizen status page (trang tra cứu tình trạng hồ sơ), public: GET shows the form (the QR's
// ?ma= pre-fills the code; the ID digits never travel in a URL), POST answers it. A code alone or
// digits alone tell nothing: a wrong code and wrong digits get the same answer; tries are limited
// per code and per address (server/status/throttle.ts). Answers are never cached anywhere.
import type { Context, Hono } from 'hono';
import { parseIdDigits, parseStatusLookup, STATUS_PAGE_PATH } from '../../src/domain/dossier';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { findCitizenStatus } from '../status/lookup';
import { renderStatusPage, type StatusPageBody } from '../status/page';
import { createAddressLimiter, DEFAULT_STATUS_PAGE_LIMITS, forgetOldTries, giveBackCodeTry, takeCodeTry, type StatusPageLimits } from '../status/throttle';
import { clientAddress } from './client-address';

/** The form's two short fields, urlencoded: far under this; anything longer is refused unread (413). */
export const STATUS_FORM_MAX_BYTES = 1024;

const FORM_FIELDS = ['ma', 'so'];

export interface StatusRouteDeps {
  db: Database;
  log: Logger;
  limits?: Partial<StatusPageLimits>;
}

function page(c: Context, status: 200 | 400 | 404 | 413 | 429, body: StatusPageBody, code = ''): Response {
  c.header('Cache-Control', 'no-store');
  if (body.kind === 'tooMany') c.header('Retry-After', String(body.waitSeconds));
  return c.html(renderStatusPage(body, code), status);
}

/** The body-bound's answer on this page: the page itself, not the API's JSON. */
export function statusPageTooLarge(c: Context): Response {
  return page(c, 413, { kind: 'tooLarge' });
}

export function mountStatusRoutes(app: Hono, { db, log, limits: given = {} }: StatusRouteDeps): void {
  const limits: StatusPageLimits = { ...DEFAULT_STATUS_PAGE_LIMITS, ...given };
  const addresses = createAddressLimiter(limits.requestsPerAddressPerMinute);
  let posts = 0;

  app.get(STATUS_PAGE_PATH, (c) => {
    const given = c.req.queries('ma');
    if (!given) return page(c, 200, { kind: 'form' });
    const key = given.length === 1 ? parseStatusLookup(given[0]!) : null;
    if (!key) return page(c, 400, { kind: 'invalid', problems: ['Mã trong đường dẫn không phải mã hồ sơ hay mã tra cứu.'] });
    return page(c, 200, { kind: 'form' }, given[0]!.trim());
  });

  app.post(STATUS_PAGE_PATH, async (c) => {
    const wait = addresses.take(clientAddress(c));
    if (wait > 0) return page(c, 429, { kind: 'tooMany', waitSeconds: wait });

    const form = await readForm(c);
    if (!form) return page(c, 400, { kind: 'invalid', problems: ['Hãy nhập mã hồ sơ (hoặc mã tra cứu) và 4 số cuối số định danh vào biểu mẫu dưới đây.'] });
    const key = parseStatusLookup(form.ma);
    const digits = parseIdDigits(form.so);
    const shown = key ? form.ma.trim() : '';
    if (!key || !digits) {
      const problems = [
        ...(key ? [] : ['Mã hồ sơ có dạng 000.00.00.H00-YYMMDD-0000; mã tra cứu gồm 10 chữ và số (XXXXX-XXXXX).']),
        ...(digits ? [] : ['Số định danh: nhập đúng 4 chữ số cuối.']),
      ];
      return page(c, 400, { kind: 'invalid', problems }, shown);
    }

    // Counted per code, whichever way it was typed, known or not: the answer must not tell which.
    const codeWait = await takeCodeTry(db, `${key.kind}:${key.value}`, limits);
    if (codeWait > 0) return page(c, 429, { kind: 'tooMany', waitSeconds: codeWait }, shown);
    posts += 1;
    if (posts % 100 === 0) await forgetOldTries(db, limits).catch((err: unknown) => log.warn({ err }, 'status page: old tries not forgotten'));

    const status = await findCitizenStatus(db, key, digits);
    if (!status) return page(c, 404, { kind: 'notFound' }, shown);
    await giveBackCodeTry(db, `${key.kind}:${key.value}`);
    return page(c, 200, { kind: 'found', status }, shown);
  });
}

/** The posted form, urlencoded, with exactly its two fields once each; null for anything else. */
async function readForm(c: Context): Promise<{ ma: string; so: string } | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(await c.req.text());
  } catch {
    return null;
  }
  const keys = [...params.keys()];
  if (keys.length !== FORM_FIELDS.length || !FORM_FIELDS.every((k) => params.getAll(k).length === 1)) return null;
  return { ma: params.get('ma')!, so: params.get('so')! };
}
