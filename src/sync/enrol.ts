// Device enrolment: trades a one-time code from the province (or DEMO on a demo gateway) for this
// device's identity and token, stores them in one transaction, and starts sending what waits.
// The code reserve is dropped: its numbers were reserved for the device's previous identity (the
// demo device, or a revoked one), and the gateway refuses codes not reserved for the sender.
import { createCodeReserve } from '../domain/dossier';
import { getDb, saveEnrolment, type CommuneInfo, type DeviceIdentity } from '../db';
import { refillCodeReserve, RESERVE_KEY } from './code-reserve';
import { pumpOutbox } from './outbox-pump';
import { usePump } from './pump-state';

export const enrolUrl = '/api/devices/enrol';

interface EnrolAnswer {
  deviceId: string;
  deviceToken: string;
  deviceShort: string;
  /** Absent from gateways before issue 15: a desk. */
  role?: unknown;
  commune: CommuneInfo;
}

// Checked by hand rather than with zod: this module sits on the first screen's path (sync's index).
const filled = (v: unknown): v is string => typeof v === 'string' && v !== '';

function isAnswer(value: unknown): value is EnrolAnswer {
  const v = value as Partial<EnrolAnswer> | null;
  const c = v?.commune as Partial<CommuneInfo> | undefined;
  return (
    filled(v?.deviceId) &&
    filled(v.deviceToken) &&
    filled(v.deviceShort) &&
    filled(c?.id) &&
    filled(c.name) &&
    typeof c.provinceCode === 'string' &&
    filled(c.agencyCode)
  );
}

export type EnrolFailure = 'missing' | 'invalidCode' | 'offline' | 'server' | 'badAnswer';

export type EnrolResult = { ok: true; device: DeviceIdentity; commune: CommuneInfo } | { ok: false; reason: EnrolFailure; status?: number; message?: string };

async function serverMessage(response: Response): Promise<string | undefined> {
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  return typeof body?.message === 'string' ? body.message : undefined;
}

export async function enrolDevice(code: string, deviceName: string, fetchImpl: typeof fetch = fetch): Promise<EnrolResult> {
  const typed = code.trim();
  const name = deviceName.normalize('NFC').trim();
  if (typed === '' || name === '') return { ok: false, reason: 'missing' };
  let response: Response;
  try {
    response = await fetchImpl(enrolUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: typed, deviceName: name }),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.status === 400) {
    const message = await serverMessage(response);
    return { ok: false, reason: 'invalidCode', status: 400, ...(message ? { message } : {}) };
  }
  if (!response.ok) {
    const message = await serverMessage(response);
    return { ok: false, reason: 'server', status: response.status, ...(message ? { message } : {}) };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!isAnswer(body)) return { ok: false, reason: 'badAnswer' };
  const { deviceId, deviceToken, deviceShort, commune } = body;
  const answer = {
    deviceId,
    deviceToken,
    deviceShort,
    role: body.role === 'team' ? ('team' as const) : ('desk' as const),
    commune: { id: commune.id, name: commune.name, provinceCode: commune.provinceCode, agencyCode: commune.agencyCode, officeHours: commune.officeHours },
  };
  const reserve = createCodeReserve(answer.commune.agencyCode, answer.deviceShort);
  if (!reserve.ok) return { ok: false, reason: 'badAnswer', message: reserve.errors[0]?.message };

  const db = getDb();
  const device = await saveEnrolment(db, { ...answer, deviceName: name }, [{ key: RESERVE_KEY, value: reserve.value }]);
  if (usePump.getState().state === 'needsSignIn') usePump.getState().set({ state: 'idle', lastError: undefined });
  // Enrolment has succeeded whatever happens next; numbers and sending simply retry later.
  // A team tablet issues no official code: the gateway gives it no numbers.
  if (answer.role === 'desk') await refillCodeReserve(new Date(), fetchImpl).catch(() => 0);
  void pumpOutbox(fetchImpl).catch(() => {});
  return { ok: true, device, commune: answer.commune };
}
