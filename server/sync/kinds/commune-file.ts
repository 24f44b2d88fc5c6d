// A file a change names, as the gateway holds it for the device's commune. Files travel
// separately (tus, by hash) and before the change, verified against their SHA-256 on arrival; a
// change may name only its own commune's copy, never a paper another commune uploaded.
import type { ApplyContext } from './context';

/** The size of the commune's copy of the file, or null when the commune holds no such file. */
export async function communeFileSize(ctx: ApplyContext, sha256: string): Promise<number | null> {
  const [file] = await ctx.tx.query<{ size: unknown }>(
    'select f.size from commune_files c join files f on f.sha256 = c.sha256 where c.commune_id = $1 and c.sha256 = $2',
    [ctx.communeId, sha256],
  );
  return file ? Number(file.size) : null;
}
