// A fault injector for sync tests: an HTTP proxy in front of a real gateway child process, the
// only origin the browser knows (app shell and API both pass through it). With faults on, it
// drops sync pushes and file requests before they reach the gateway and after it has committed,
// sends them twice, delays them, cuts tus uploads half-way through a chunk or changes a byte of
// one, and can kill and restart the gateway while a push is being applied. Choices come from a
// seeded generator, so a seed gives the same sequence of decisions (the order requests arrive in
// still varies); every fault is counted, so a test can prove each one happened.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { startGateway, type GatewayOptions, type RunningGateway } from './gateway';
import { seededRandom } from './seeded-random';

export type FaultKind = 'dropBefore' | 'dropAfter' | 'duplicate' | 'delay' | 'cutUpload' | 'corrupt' | 'restart';

export type Route = 'push' | 'files';

export interface InterruptedPush {
  authorization: string;
  mutations: number[];
  /** How many of them the killed gateway had committed. */
  committed: number;
  stoppedAt: Date;
  restartedAt: Date;
}

interface RestartPlan {
  /** Kills that fell before the batch's first commit or after its last. */
  misses: number;
  resolve(push: InterruptedPush): void;
  reject(error: unknown): void;
}

const noFaults = (): Record<FaultKind, number> => ({ dropBefore: 0, dropAfter: 0, duplicate: 0, delay: 0, cutUpload: 0, corrupt: 0, restart: 0 });

export interface FaultProxyOptions {
  seed: number;
  /** Share of faultable requests that get a fault (0–1), per route, once each kind has hit it; the kind is drawn evenly. */
  rate: Record<Route, number>;
  /** How the gateway is started again after a restart (its data folder and port are kept). */
  gatewayOptions: Omit<GatewayOptions, 'dataDir' | 'port'>;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Hop-by-hop headers belong to one connection; bodies are re-sent whole with their length.
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'content-length']);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP.has(k.toLowerCase())));
}

function readBody(stream: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export class FaultProxy {
  /** Faults injected, per route. */
  readonly counts: Record<Route, Record<FaultKind, number>> = { push: noFaults(), files: noFaults() };
  /** Requests of each faultable route that came through, faulted or not. */
  readonly seen: Record<Route, number> = { push: 0, files: 0 };
  /** What the gateways before the current one printed (a failing test's message). */
  readonly earlierOutput: string[] = [];
  faults = false;
  private readonly random: () => number;
  private readonly sockets = new Set<Socket>();
  private restartPlan: RestartPlan | undefined;
  private restarting = false;

  private constructor(
    private readonly server: http.Server,
    public gateway: RunningGateway,
    private readonly options: FaultProxyOptions,
  ) {
    this.random = seededRandom(options.seed);
  }

  static async start(gateway: RunningGateway, options: FaultProxyOptions): Promise<FaultProxy> {
    const server = http.createServer();
    const proxy = new FaultProxy(server, gateway, options);
    server.on('connection', (socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    server.on('request', (req, res) => void proxy.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** The origin the browser is given. */
  get url(): string {
    return `http://localhost:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * Kills the gateway while a push is being applied, and starts it again on the same data folder
   * and port. The gateway must run with `holdCommits`: it holds the first commit after a signal,
   * and the proxy kills it once it sees part of the push committed (a kill timed by a delay fell
   * before the first commit or after the last on a gateway faster or slower than guessed). A push
   * answered before the watch saw a commit (a replay, or another request's commit was held) is let
   * through and the next one is watched. Resolves with the cut push once the gateway answers again.
   */
  restartMidBatch(): Promise<InterruptedPush> {
    return new Promise((resolve, reject) => {
      this.restartPlan = { misses: 0, resolve, reject };
    });
  }

  /** Gives up a restart still waiting for a push (the desks sent everything first): its promise rejects. */
  cancelRestart(): void {
    this.restartPlan?.reject(new Error(`the desks sent everything before a restart landed mid-batch (${this.counts.push.restart} tried)`));
    this.restartPlan = undefined;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private faultable(req: http.IncomingMessage): Route | undefined {
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method === 'POST' && path === '/api/sync/push') return 'push';
    if (path.startsWith('/api/files') && req.method !== 'OPTIONS') return 'files';
    return undefined;
  }

  private pick(route: Route, req: http.IncomingMessage, body: Buffer): FaultKind | undefined {
    if (!this.faults) return undefined;
    const kinds: FaultKind[] = ['dropBefore', 'dropAfter', 'duplicate', 'delay'];
    // Only a request carrying file bytes (a PATCH, or a creating POST with its first chunk) can be
    // cut half-way or damaged.
    const carriesBytes = req.headers['content-type'] === 'application/offset+octet-stream';
    if (route === 'files' && carriesBytes && body.length > 1) kinds.push('cutUpload', 'corrupt');
    // Until every kind has hit this route once, every request gets one: a run with only a few
    // pushes still meets each fault. Then faults come at the chosen rate.
    const unused = kinds.filter((k) => this.counts[route][k] === 0);
    if (unused.length === 0 && this.random() >= this.options.rate[route]) return undefined;
    const from = unused.length > 0 ? unused : kinds;
    return from[Math.floor(this.random() * from.length)];
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    const kind = this.faultable(req);
    if (kind) this.seen[kind]++;
    const fault = kind ? this.pick(kind, req, body) : undefined;
    if (kind && fault) this.counts[kind][fault]++;
    // Set once the gateway has answered this request (or failed to): a watched push is over.
    const pushAnswered = { done: false };
    try {
      if (fault === 'dropBefore') {
        // The link fell before the request reached the gateway: nothing was applied.
        req.socket.destroy();
        return;
      }
      if (fault === 'delay') await sleep(200 + Math.floor(this.random() * 600));
      if (fault === 'cutUpload') {
        await this.cut(req, body);
        req.socket.destroy();
        return;
      }
      if (kind === 'push' && this.restarting) {
        // Between the kill and the count of what the killed gateway committed, no push goes in.
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('gateway restarting');
        return;
      }
      if (kind === 'push' && this.restartPlan) {
        const plan = this.restartPlan;
        this.restartPlan = undefined;
        const since = await this.checkpoint(req.headers.authorization ?? '');
        // The gateway holds its next commit (commit-hold.ts): the push's first part, as a rule.
        this.gateway.process.kill('SIGUSR2');
        void this.restartMidPush(plan, req, body, since, pushAnswered);
      }
      if (fault === 'corrupt') {
        // One byte changed on the way (a faulty link or middlebox): the gateway's hash check must catch it.
        body = Buffer.from(body);
        const at = Math.floor(this.random() * body.length);
        body[at] = body[at]! ^ 0xff;
      }
      let answer: Upstream;
      if (fault === 'duplicate') {
        // Both copies reach the gateway at once; the device hears one of them.
        const copies = await Promise.allSettled([this.forward(req, body), this.forward(req, body)]);
        const chosen = copies[this.random() < 0.5 ? 0 : 1]!;
        const other = copies.find((c) => c !== chosen)!;
        const usable = chosen.status === 'fulfilled' ? chosen : other;
        if (usable.status === 'rejected') throw usable.reason;
        answer = usable.value;
      } else {
        answer = await this.forward(req, body);
      }
      pushAnswered.done = true;
      if (fault === 'dropAfter') {
        // The gateway has committed and answered; the answer is lost on the way back.
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { ...endToEnd(answer.headers), 'content-length': String(answer.body.length) });
      res.end(answer.body);
    } catch (error) {
      pushAnswered.done = true;
      // The gateway is down (restarting) or dropped the connection half-way through its answer.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ECONNREFUSED' && !res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('gateway unavailable');
      } else {
        req.socket.destroy();
      }
    }
  }

  private forward(req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: this.gateway.port,
          method: req.method,
          path: req.url,
          // The Host header stays the proxy's: the gateway answers as the origin the browser knows.
          headers: {
            ...endToEnd(req.headers),
            ...(body.length > 0 || req.headers['content-length'] !== undefined ? { 'content-length': String(body.length) } : {}),
          },
        },
        (response) => {
          readBody(response).then((b) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: b }), reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  /** Sends the upload request's headers and part of its bytes, then breaks the connection mid-body. */
  private async cut(req: http.IncomingMessage, body: Buffer): Promise<void> {
    const part = Math.max(1, Math.floor(body.length * (0.2 + this.random() * 0.6)));
    await new Promise<void>((resolve) => {
      const upstream = http.request({
        host: '127.0.0.1',
        port: this.gateway.port,
        method: req.method,
        path: req.url,
        headers: { ...endToEnd(req.headers), 'content-length': String(body.length) },
      });
      upstream.on('error', () => resolve());
      upstream.on('response', (r) => {
        r.resume();
        resolve();
      });
      upstream.write(body.subarray(0, part), () => {
        // Give the gateway a moment to write what arrived, as after a real cut.
        void sleep(150).then(() => {
          upstream.destroy();
          resolve();
        });
      });
    });
  }

  /** The gateway's pull checkpoint for this device now: a later change shows after it. */
  private async checkpoint(authorization: string): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${this.gateway.port}/api/sync/pull?since=0&limit=1000`, { headers: { authorization } }).catch(() => null);
    return res?.ok ? ((await res.json()) as { checkpoint: number }).checkpoint : 0;
  }

  /** How many of `ids` the gateway shows changed after checkpoint `since` (fewer if it is down). */
  private async committedAfter(authorization: string, since: number, ids: ReadonlySet<string>): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${this.gateway.port}/api/sync/pull?since=${since}&limit=1000`, { headers: { authorization } }).catch(() => null);
    if (!res?.ok) return 0;
    const page = (await res.json()) as { changes: { dossier?: { id: string } }[] };
    return page.changes.filter((c) => c.dossier && ids.has(c.dossier.id)).length;
  }

  /**
   * Watches the push's entries commit, kills the gateway once some have (before the answer),
   * restarts it, and judges where the cut fell. The gateway commits a push's first entry alone and
   * the rest after it (server/sync/push.ts), and holds its first commit after the signal
   * (commit-hold.ts), so the watch sees the first entry committed while the rest waits.
   */
  private async restartMidPush(plan: RestartPlan, req: http.IncomingMessage, body: Buffer, since: number, answered: { done: boolean }): Promise<void> {
    const authorization = req.headers.authorization ?? '';
    const entries = (JSON.parse(body.toString('utf8')) as { entries: { mutation: number; entityId: string }[] }).entries;
    const ids = new Set(entries.map((e) => e.entityId));
    let seen = 0;
    while (!answered.done && seen === 0) seen = await this.committedAfter(authorization, since, ids);
    if (answered.done || seen === entries.length) {
      // Answered (a replay, or applied faster than the watch) before any kill: watch the next push.
      this.restartPlan = plan;
      return;
    }
    this.restarting = true;
    this.counts.push.restart++;
    const old = this.gateway;
    let committed: number;
    let stoppedAt: Date;
    try {
      // Killed outright, as by a power cut or the OOM killer: a graceful stop lets the push finish.
      if (old.process.exitCode === null) {
        const exited = new Promise((r) => old.process.once('exit', r));
        old.process.kill('SIGKILL');
        await exited;
      }
      // Once the process has exited, whatever it committed has a time before this one.
      stoppedAt = new Date();
      this.earlierOutput.push(old.output());
      this.gateway = await startGateway({ ...this.options.gatewayOptions, dataDir: old.dataDir, port: old.port });
      committed = await this.committedAfter(authorization, since, ids);
    } catch (error) {
      plan.reject(error);
      return;
    } finally {
      this.restarting = false;
    }
    if (committed > 0 && committed < entries.length) {
      plan.resolve({ authorization, mutations: entries.map((e) => e.mutation), committed, stoppedAt, restartedAt: new Date() });
    } else if (++plan.misses >= 5) {
      plan.reject(new Error(`no restart landed mid-batch in ${plan.misses} kills (last: ${committed} of ${entries.length} committed)`));
    } else {
      this.restartPlan = plan;
    }
  }
}
