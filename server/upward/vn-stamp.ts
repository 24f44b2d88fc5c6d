// Dates as the national portal reads them: yyyyMMddHHmmss on Vietnamese wall-clock time. Vietnam
// has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact.

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export function vnStamp(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const t = new Date(value).getTime();
  if (Number.isNaN(t)) return '';
  const d = new Date(t + VN_OFFSET_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
