// Dates of the desk as officers read them: Vietnamese wall-clock time whatever the device's zone.
import { VIETNAM_TIME_ZONE as ZONE } from '../../domain/calendar';

export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(locale, { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(locale, { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
}
