// Files attached to a draft's or dossier's components, stored once under their SHA-256.
import type { MotcuaDb } from './db';
import type { AttachmentRow } from './schema';
import { sealBlob } from './vault/blobs';

export async function attachFile(db: MotcuaDb, attachment: Omit<AttachmentRow, 'order'>, clear: Blob): Promise<void> {
  // Sealed before the transaction (vault/blobs.ts); the hash stays that of the clear bytes.
  const blob = await sealBlob(db, clear);
  await db.transaction('rw', db.files, db.attachments, db.dossierFacts, db.reportPacks, async () => {
    if (!(await db.files.get(attachment.sha256))) {
      await db.files.add({ sha256: attachment.sha256, blob, type: attachment.type, size: attachment.size, createdAt: new Date().toISOString() });
    }
    // After the component's last file, read in this transaction: a count would reuse an order
    // still held once an earlier file was removed.
    const last = await db.attachments
      .where('[ownerId+componentIndex+order]')
      .between([attachment.ownerId, attachment.componentIndex, -Infinity], [attachment.ownerId, attachment.componentIndex, Infinity])
      .last();
    await db.attachments.add({ ...attachment, order: last ? last.order + 1 : 0 });
  });
}

export async function removeAttachment(db: MotcuaDb, id: string): Promise<void> {
  await db.transaction('rw', db.files, db.attachments, db.dossierFacts, db.reportPacks, async () => {
    const row = await db.attachments.get(id);
    if (!row) return;
    await db.attachments.delete(id);
    if ((await db.attachments.where('sha256').equals(row.sha256).count()) === 0) await db.files.delete(row.sha256);
  });
}

export function listAttachments(db: MotcuaDb, ownerId: string): Promise<AttachmentRow[]> {
  return db.attachments.where('ownerId').equals(ownerId).sortBy('order');
}
