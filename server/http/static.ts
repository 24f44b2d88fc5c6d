// Serves the built app on the API's origin: hashed assets cached for a year, the shell and the
// service worker always revalidated, and unknown paths answered with the shell (client routes).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

const revalidated = new Set(['/sw.js', '/index.html', '/manifest.webmanifest', '/registerSW.js']);

export function mountStatic(app: Hono, staticDir: string): void {
  const indexFile = path.join(staticDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('*', (c) => c.text('Ứng dụng chưa được build. Chạy "npm run build" rồi khởi động lại.', 503));
    return;
  }
  const root = path.relative(process.cwd(), staticDir) || '.';
  app.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/api/')) return;
    if (c.req.path.startsWith('/assets/')) {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    } else if (revalidated.has(c.req.path) || c.req.path.startsWith('/workbox-')) {
      c.header('Cache-Control', 'no-cache');
    }
  });
  app.use('*', serveStatic({ root }));
  // Client-side routes (/tra-cuu, /ho-so/...) get the shell; the service worker does the same offline.
  app.get('*', (c) => {
    // A dot does not make a file: procedure links end in codes like /tra-cuu/1.001193. A page
    // navigation asks for HTML; a missing script or image does not, and gets its 404.
    const navigation = (c.req.header('Accept') ?? '').includes('text/html');
    if (c.req.path.startsWith('/api/') || (path.extname(c.req.path) && !navigation)) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexFile, 'utf8'));
  });
}
