// How the catalogue's version, dates and last update attempt read to an officer, shared by the
// search page (a refused update) and Cài đặt (the catalogue's status).
import type { TFunction } from 'i18next';
import type { CatalogueUpdateRecord } from '../../db';
import { displayDate, displayDateTime } from '../../domain/calendar';

/** "01/11/2026" for the catalogue's ISO date-time, read in Vietnam's time; unreadable text as it is. */
export function formatCatalogueDate(iso: string): string {
  return displayDate(iso) || iso;
}

/** "03/12/2026 14:05" for the time of an update attempt. */
export function formatCatalogueTime(iso: string): string {
  return displayDateTime(iso) || iso;
}

/** One sentence saying how the last update attempt ended and which catalogue is in use. */
export function describeCatalogueUpdate(record: CatalogueUpdateRecord, t: TFunction): string {
  switch (record.kind) {
    case 'installed':
      return t('catalogue.update.installed', { version: record.version, date: formatCatalogueDate(record.issuedAt) });
    case 'up-to-date':
      return t('catalogue.update.upToDate', { version: record.version });
    case 'refused':
      if (record.reason === 'older') {
        return t('catalogue.update.refusedOlder', { version: record.version, offered: record.offered });
      }
      return t(record.reason === 'corrupt' ? 'catalogue.update.refusedCorrupt' : 'catalogue.update.refusedInvalid', {
        version: record.version,
        detail: record.detail?.replace(/\.$/, '') ?? '',
      });
    case 'failed':
      return record.status === undefined
        ? t('catalogue.update.unreachable')
        : t('catalogue.update.failed', { status: record.status, detail: record.detail ? `: ${record.detail.replace(/\.$/, '')}` : '' });
  }
}
