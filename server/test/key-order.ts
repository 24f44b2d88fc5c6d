// JSON values with their objects' keys put in another order, for the tests of the entry hash: the
// hash must not depend on key order, and its fast path (canonical-json.ts) needs keys in order.

/** The same value with every object's keys in the order `order` gives them. */
function withKeys(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => withKeys(item, order));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(order(Object.keys(object)).map((k) => [k, withKeys(object[k], order)]));
}

/** Every object's keys in code-unit order, as the app sends them (src/sync/push-body.ts). */
export const sortedKeys = (value: unknown) => withKeys(value, (keys) => keys.sort());

/** Every object's keys in reverse order. */
export const reversedKeys = (value: unknown) => withKeys(value, (keys) => keys.reverse());

/** Every object's keys, as JSON.stringify writes them, in strictly increasing code-unit order. */
export function keysInOrder(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysInOrder);
  if (value === null || typeof value !== 'object') return true;
  const keys = Object.keys(value);
  return keys.every((k, i) => i === 0 || keys[i - 1]! < k) && Object.values(value).every(keysInOrder);
}
