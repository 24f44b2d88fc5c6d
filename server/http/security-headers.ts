// Security headers on every answer, the app's and the API's, and same-origin only: the app and
// the API share one origin, so no answer carries CORS headers (tus would add
// Access-Control-Allow-Origin: * to uploads), and a page of another site can neither read the API
// nor frame the app.
import type { MiddlewareHandler } from 'hono';
import { STATUS_PAGE_PATH } from '../../src/domain/dossier';
import { STATUS_PAGE_CSP } from '../status/page';

/**
 * What the built app needs and nothing more: its own scripts plus WebAssembly (zxing-wasm reads QR
 * codes in a worker: 'wasm-unsafe-eval'), module workers and the service worker from 'self',
 * blob: URLs for photos, scanned pages and PDF previews (img, frame, object), the camera (a
 * MediaStream, which no fetch directive governs). React sets style properties through the DOM,
 * which style-src does not restrict, so no inline styles or scripts are allowed.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  // A PDF preview is a blob: document that inherits this policy; its viewer counts as an object.
  "object-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers are data, never a document to run or frame. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The camera for the app itself (QR codes, document scans); no other powerful feature at all. */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

const CORS_HEADERS = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
  'Access-Control-Max-Age',
];

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const api = c.req.path === '/api' || c.req.path.startsWith('/api/');
    // The citizen status page runs no script at all: its own, stricter policy (server/status/page.ts).
    const csp = api ? API_CSP : c.req.path === STATUS_PAGE_PATH ? STATUS_PAGE_CSP : APP_CSP;
    const set: Record<string, string> = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy': PERMISSIONS_POLICY,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    let headers = c.res.headers;
    try {
      for (const name of CORS_HEADERS) headers.delete(name);
      for (const [name, value] of Object.entries(set)) headers.set(name, value);
    } catch {
      // An answer with frozen headers (one passed through from fetch): copy it, then set them.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
      for (const name of CORS_HEADERS) headers.delete(name);
      for (const [name, value] of Object.entries(set)) headers.set(name, value);
    }
  };
}
