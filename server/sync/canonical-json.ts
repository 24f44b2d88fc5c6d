// JSON with object keys sorted, so the same entry hashes the same however a client orders keys.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(entry: { kind?: unknown; entityId?: unknown; payload?: unknown }): string {
  return createHash('sha256').update(canonicalJson({ kind: entry.kind, entityId: entry.entityId, payload: entry.payload })).digest('hex');
}
