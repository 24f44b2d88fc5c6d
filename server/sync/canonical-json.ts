// JSON with object keys sorted, so the same entry hashes the same however a client orders keys.
// Written as one walk appending to a string: every pushed entry is hashed, so its cost is per entry.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  // The default sort compares UTF-16 code units, as a comparator with < would, without a call per comparison.
  for (const key of Object.keys(object).sort()) {
    const child = object[key];
    if (child === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(child)}`;
    first = false;
  }
  return `${out}}`;
}

export function entryHash(entry: { kind?: unknown; entityId?: unknown; payload?: unknown }): string {
  return createHash('sha256')
    .update(canonicalJson({ kind: entry.kind, entityId: entry.entityId, payload: entry.payload }))
    .digest('hex');
}
