// Sealing the photos and scans a device already holds when its vault is set up (issue 13 item 5;
// seal-existing.ts does the rows). A Blob is sealed with Web Crypto, which cannot run inside a
// transaction: a chunk is read in one, sealed outside, and written back in another that checks
// each row still holds a clear Blob (files are keyed by their hash and photos never change, so a
// row still there still holds what was read). Each row is sealed in place, so a tab closed half-way
// loses nothing: the next run walks again past what is already sealed. Small chunks: a chunk's
// photos are held in memory while they are sealed.
import type { IndexableType } from 'dexie';
import type Dexie from 'dexie';
import { BLOB_FIELDS } from './tables';

/** Of blobs.ts, handed in (it imports state.ts, which loads this module). */
export interface FileSealing {
  sealBlob(db: Dexie, blob: Blob): Promise<Blob>;
  sealedType: string;
}

/** Seals every clear Blob of the tables that keep bytes; returns how many rows it sealed. Throws vault.locked once the key is gone. */
export async function sealExistingFiles(db: Dexie, chunkSize: number, { sealBlob, sealedType }: FileSealing): Promise<number> {
  const isClear = (value: unknown): value is Blob => value instanceof Blob && value.type !== sealedType;
  let sealed = 0;
  const present = new Set(db.tables.map((t) => t.name));
  for (const [name, { key: keyPath, fields }] of Object.entries(BLOB_FIELDS)) {
    if (!present.has(name)) continue;
    const table = db.table(name);
    let after: IndexableType | undefined;
    for (;;) {
      // Reading a row's Blob fields does not open its sealed personal fields (middleware.ts opens them on touch).
      const rows = (await db.transaction('r', table, () =>
        (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(chunkSize).toArray(),
      )) as Record<string, unknown>[];
      if (rows.length === 0) break;
      after = rows[rows.length - 1]![keyPath] as IndexableType;
      const changes: { key: IndexableType; change: Record<string, Blob> }[] = [];
      for (const row of rows) {
        const change: Record<string, Blob> = {};
        for (const field of fields) if (isClear(row[field])) change[field] = await sealBlob(db, row[field]);
        if (Object.keys(change).length > 0) changes.push({ key: row[keyPath] as IndexableType, change });
      }
      if (changes.length > 0) {
        sealed += await db.transaction('rw', table, async () => {
          let written = 0;
          for (const { key, change } of changes) {
            const now = (await table.get(key)) as Record<string, unknown> | undefined;
            const still = Object.fromEntries(Object.entries(change).filter(([field]) => isClear(now?.[field])));
            if (!now || Object.keys(still).length === 0) continue;
            await table.update(key, still);
            written++;
          }
          return written;
        });
      }
      if (rows.length < chunkSize) break;
    }
  }
  return sealed;
}
