// CPU time spent on a piece of work, so a throughput figure still means something on a machine
// shared with other jobs: this process's time (the gateway in process, with PGlite inside it) and
// the time of the PostgreSQL backends serving a database (read from /proc when the server runs
// on this machine and we may read it; otherwise left out, and the figure says so).
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Database } from '../../server/db/database';

let ticksPerSecond: number | undefined;
const clockTicks = () => (ticksPerSecond ??= Number(execSync('getconf CLK_TCK').toString().trim()) || 100);

/** utime + stime of a process in ms, or null when it cannot be read (gone, another machine, no /proc). */
function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces) start at state: utime and stime are 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

async function backendPids(db: Database): Promise<number[]> {
  const rows = await db.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  return rows.map((r) => Number(r.pid));
}

export interface CpuSpent {
  /** This process, user + system. */
  processMs: number;
  /** The PostgreSQL backends of the database, or null when not measured (PGlite, or /proc unreadable). */
  databaseMs: number | null;
}

/** Runs `work` and answers the CPU time it took, here and in the database server. */
export async function cpuSpent(db: Database, work: () => Promise<void>): Promise<CpuSpent> {
  const before = new Map<number, number | null>();
  if (db.kind === 'postgres') for (const pid of await backendPids(db)) before.set(pid, processCpuMs(pid));
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  let databaseMs: number | null = null;
  if (db.kind === 'postgres') {
    databaseMs = 0;
    for (const pid of await backendPids(db)) {
      const now = processCpuMs(pid);
      const then = before.has(pid) ? before.get(pid)! : 0; // a backend started during the work spent all its time on it
      if (now === null || then === null) return { processMs: (used.user + used.system) / 1000, databaseMs: null };
      databaseMs += now - then;
    }
  }
  return { processMs: (used.user + used.system) / 1000, databaseMs };
}

/** CPU ms per item, the process and the database server together (when the server's share is known). */
export function cpuMsPerItem(spent: CpuSpent, items: number): number {
  return (spent.processMs + (spent.databaseMs ?? 0)) / items;
}
