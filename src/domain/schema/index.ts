// The one zod the app and its workers use, set to parse without generating code: the app's CSP
// (script-src 'self' 'wasm-unsafe-eval') refuses `new Function`, and zod's compiled fast path would
// otherwise trip it (a console violation, and an EvalError where the probe is bypassed).
import { z } from 'zod';

z.config({ jitless: true });

export { z };
