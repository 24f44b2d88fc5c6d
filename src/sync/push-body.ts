// The body of a push as the app sends it: every object's keys in code-unit order. The gateway
// hashes each entry over its keys sorted (server/sync/canonical-json.ts); keys that already come
// sorted let it write that text with JSON.stringify instead of its own walk, a third of the time
// for each of a push's hundred entries. Any order stays correct (older apps send theirs).

/** A plain object's copy with its own keys inserted in code-unit order (what JSON.stringify then writes first to last). */
function keysSorted(value: object): object {
  // No prototype: a key named "__proto__" (JSON.parse makes it an own key) stays a key here
  // instead of reaching Object.prototype's setter and vanishing from the body.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

/** JSON of `body` with every object's keys sorted (arrays keep their order; toJSON, e.g. a Date's, applies first). */
export function encodePushBody(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? keysSorted(value) : value));
}
