// Learns which commune this device serves from the gateway, and keeps it for offline use.
import { getDb, writeSetting, type CommuneInfo } from '../db';
import { authHeaders } from './auth';

function isCommune(value: unknown): value is CommuneInfo {
  const v = value as Partial<CommuneInfo> | null;
  return typeof v?.id === 'string' && typeof v.name === 'string' && typeof v.agencyCode === 'string' && typeof v.provinceCode === 'string';
}

export async function refreshCommune(fetchImpl: typeof fetch = fetch): Promise<CommuneInfo | undefined> {
  const response = await fetchImpl('/api/communes/current', { cache: 'no-store', headers: await authHeaders() });
  if (!response.ok) return undefined;
  const body: unknown = await response.json();
  if (!isCommune(body)) return undefined;
  await writeSetting(getDb(), 'commune', body);
  return body;
}
