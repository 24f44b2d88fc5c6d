// How a field nobody asked for is named back to its sender, the same way wherever bodies are
// parsed strictly (the app's catalogue, the gateway's bodies and push entries): a few names, each
// cut short, because they came from outside and may be long or many. No zod here, so the gateway
// can use it without taking the app's zod settings.

/** `"a", "b"…` for the first `shown` of `keys`, each at most 40 characters. */
export function unknownFieldNames(keys: readonly string[], shown: number): string {
  const names = keys.slice(0, shown).map((key) => `"${key.slice(0, 40)}"`);
  return `${names.join(', ')}${keys.length > shown ? '…' : ''}`;
}
