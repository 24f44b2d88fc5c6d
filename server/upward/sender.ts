// Sends due rows of the upward queue to the provincial system (MOTCUA_UPSTREAM_URL) as
// DongBoHoSoMC-like requests: { service, isUpdating, madonvi, data: [record] }. "Add" the first
// time, "update" once an earlier version was acknowledged. A 2xx answer is an acknowledgement
// unless its JSON says error_code ≠ 0; anything else is retried later, and logged.
import type { Database } from '../db/database';
import type { Logger } from '../log';
import type { StoredDossier } from '../sync/dossier-store';
import { backoffMs, claimDue, markDelivered, markFailed } from './queue';
import { toUpwardRecord } from './record';

export interface UpwardOptions {
  db: Database;
  log: Logger;
  url: string;
  fetch?: typeof fetch;
  batch?: number;
  timeoutMs?: number;
}

async function acknowledged(response: Response): Promise<string | null> {
  const text = await response.text();
  if (!response.ok) return `HTTP ${response.status}: ${text.slice(0, 300)}`;
  try {
    const body = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    if (body.error_code !== undefined && Number(body.error_code) !== 0) return `error_code ${String(body.error_code)}: ${String(body.message ?? '')}`;
  } catch {
    // A 2xx without JSON is still an acknowledgement.
  }
  return null;
}

/** One pass over the due rows; returns how many were delivered and how many failed. */
export async function deliverDue({ db, log, url, fetch: fetchImpl = fetch, batch = 20, timeoutMs = 15_000 }: UpwardOptions) {
  let delivered = 0;
  let failed = 0;
  for (const row of await claimDue(db, batch)) {
    const [current] = await db.query<{ data: StoredDossier; version: unknown; agency_code: string }>(
      'select d.data, d.version, c.agency_code from dossiers d join communes c on c.id = d.commune_id where d.id = $1',
      [row.dossierId],
    );
    if (!current) continue;
    const version = Number(current.version);
    let problem: string | null;
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          service: 'DongBoHoSoMC',
          isUpdating: row.deliveredVersion !== null,
          madonvi: current.agency_code,
          data: [toUpwardRecord(current.data)],
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      problem = await acknowledged(response);
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    if (problem === null) {
      await markDelivered(db, row.dossierId, version);
      delivered++;
    } else {
      const delay = backoffMs(row.attempts + 1);
      await markFailed(db, row.dossierId, problem, delay);
      log.warn({ dossierId: row.dossierId, code: current.data.code, attempts: row.attempts + 1, retryInMs: delay, problem }, 'upward delivery failed');
      failed++;
    }
  }
  return { delivered, failed };
}

/** Runs deliverDue every intervalMs (never two passes at once) until stop() is called. */
export function startUpwardSender(options: UpwardOptions & { intervalMs?: number }): { stop(): Promise<void> } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = deliverDue(options)
      .catch((err: unknown) => options.log.error({ err }, 'upward sender pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 5000);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
