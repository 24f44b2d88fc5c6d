// Starts the real gateway (its real embedded database) as a child process for a test, on a free
// port, with a fresh data folder, serving a chosen build of the app.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RunningGateway {
  url: string;
  port: number;
  dataDir: string;
  staticDir: string;
  process: ChildProcess;
  /** Output so far, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A private copy of the built app, for tests that change what the server serves (updates). */
export function copyBuild(from = 'dist'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-dist-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

export interface GatewayOptions {
  staticDir?: string;
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  /** Arguments after server/main.ts (`--demo`, as `npm start` passes). */
  args?: string[];
  /** Loads commit-hold.ts: after SIGUSR2 the next commit is held a while (the chaos test's restart). */
  holdCommits?: boolean;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'motcua-data-'));
  const staticDir = options.staticDir ?? path.resolve('dist');
  // Node itself with tsx as a loader, not the tsx wrapper: one process, so a signal (SIGKILL in
  // the chaos test) reaches the gateway and leaves no orphan holding the port and the database.
  const preload = options.holdCommits ? ['--import', pathToFileURL(path.resolve('tests/support/commit-hold.ts')).href] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, 'server/main.ts', ...(options.args ?? [])], {
    env: {
      ...process.env,
      PORT: String(port),
      MOTCUA_DATA_DIR: dataDir,
      MOTCUA_STATIC_DIR: staticDir,
      LOG_LEVEL: 'warn',
      // The app's end-to-end tests run on the demo commune and enrol with DEMO, as `npm start` does.
      MOTCUA_DEMO: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://localhost:${port}`;
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    // A gateway that never became healthy must not outlive the test that started it.
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    port,
    dataDir,
    staticDir,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

// PGlite's first start (WASM compile, migrations) took 85 s once on a loaded two-core machine.
async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 110_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gateway did not become healthy in ${timeoutMs} ms:\n${output()}`);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
