// How the catalogue's version, dates and last update attempt read to an officer, shared by the
// search page (a refused update) and Cài đặt (the catalogue's status).
import type { TFunction } from 'i18next';
import type { CatalogueUpdateRecord } from '../db';

// Catalogue dates are issued in Vietnam's time; a device set to another zone must not shift them.
import { VIETNAM_TIME_ZONE as VIETNAM } from '../domain/calendar';

/** "01/11/2026" for an ISO date-time, read in Vietnam's time zone. */
export function formatCatalogueDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: VIETNAM,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

/** "14:05 03/12/2026" for the time of an update attempt. */
export function formatCatalogueTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: VIETNAM,
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

/** One sentence saying how the last update attempt ended and which catalogue is in use. */
export function describeCatalogueUpdate(record: CatalogueUpdateRecord, t: TFunction, locale: string): string {
  switch (record.kind) {
    case 'installed':
      return t('catalogue.update.installed', { version: record.version, date: formatCatalogueDate(record.issuedAt, locale) });
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
