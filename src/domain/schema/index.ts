// The one zod the app, its workers and the gateway use. In a browser it parses without generating
// code: the app's CSP (script-src 'self' 'wasm-unsafe-eval') refuses `new Function`, and zod's
// compiled fast path would otherwise trip it (a console violation, and an EvalError where the probe
// is bypassed). The gateway (Node) runs under no page policy and keeps the compiled path: it checks
// every dossier a device pushes, and compiled, that check takes about half the time.
import { z } from 'zod';

/** A page or a worker (dedicated or service worker): where the app's Content-Security-Policy applies. */
const underPagePolicy = typeof document !== 'undefined' || typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';

z.config({ jitless: underPagePolicy });

export { z };
