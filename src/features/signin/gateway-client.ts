// The two gateway calls of a password sign-in: the sign-in itself, and the device's escrow key
// (which unwraps the device data key when no PIN can). Loaded with the lock screen, not at start.
import { MotcuaError } from '../../domain/errors';
import type { OfficerRole } from '../../db';
import type { StaffSignIn } from '../../db/officers';
import { authHeaders } from '../../sync';

export const signInUrl = '/api/auth/sign-in';
export const escrowKeyUrl = '/api/devices/escrow-key';

export type SignInFailure = 'missing' | 'wrong' | 'throttled' | 'offline' | 'wrongDevice' | 'server' | 'badAnswer';
export type SignInAnswer = { ok: true; signedIn: StaffSignIn } | { ok: false; reason: SignInFailure; status?: number; retryAfterSeconds?: number };

// A community team's member (issue 15) signs in on a team tablet; the gateway keeps desk staff off it and team staff off desks.
const ROLES: readonly OfficerRole[] = ['receptionOfficer', 'processingOfficer', 'leader', 'communityTeam'];
const filled = (v: unknown): v is string => typeof v === 'string' && v !== '';

function isSignIn(value: unknown): value is StaffSignIn {
  const v = value as Partial<StaffSignIn> | null;
  const s = v?.staff as Partial<StaffSignIn['staff']> | undefined;
  return (
    filled(v?.token) &&
    filled(v.expiresAt) &&
    !Number.isNaN(Date.parse(v.expiresAt)) &&
    filled(s?.id) &&
    filled(s.username) &&
    typeof s.fullName === 'string' &&
    typeof s.communeId === 'string' &&
    ROLES.includes(s.role as OfficerRole)
  );
}

/** Asks the gateway to sign the officer in, with this device's credentials when it is enrolled. */
export async function signInOnline(username: string, password: string, fetchImpl: typeof fetch = fetch): Promise<SignInAnswer> {
  const name = username.trim().toLowerCase();
  if (name === '' || password === '') return { ok: false, reason: 'missing' };
  let response: Response;
  try {
    response = await fetchImpl(signInUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authHeaders()) },
      body: JSON.stringify({ username: name, password }),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.status === 401) return { ok: false, reason: 'wrong', status: 401 };
  if (response.status === 429) {
    const body = (await response.json().catch(() => null)) as { retryAfterSeconds?: unknown } | null;
    const seconds = typeof body?.retryAfterSeconds === 'number' ? body.retryAfterSeconds : Number(response.headers.get('retry-after') ?? 60);
    return { ok: false, reason: 'throttled', status: 429, retryAfterSeconds: seconds };
  }
  if (response.status === 403) {
    // A team account on a desk's machine, or a desk officer on a team's tablet (issue 15): said plainly, not as a server fault.
    const refusal = (await response.json().catch(() => null)) as { error?: unknown } | null;
    if (refusal?.error === 'wrong_device_role') return { ok: false, reason: 'wrongDevice', status: 403 };
  }
  if (!response.ok) return { ok: false, reason: 'server', status: response.status };
  const body: unknown = await response.json().catch(() => null);
  if (!isSignIn(body)) return { ok: false, reason: 'badAnswer' };
  const { token, expiresAt, staff } = body;
  return {
    ok: true,
    signedIn: { token, expiresAt, staff: { id: staff.id, communeId: staff.communeId, username: staff.username, fullName: staff.fullName, role: staff.role } },
  };
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** This device's escrow key (32 bytes, the same each time), for a staff token of a password sign-in a moment ago. */
export async function fetchEscrowKey(staffToken: string, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(escrowKeyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-staff-token': staffToken, ...(await authHeaders()) },
      body: '{}',
      cache: 'no-store',
    });
  } catch {
    throw new MotcuaError('officer.escrow_unavailable', 'Không lấy được khóa dự phòng từ máy chủ.', { status: 0 });
  }
  if (!response.ok) throw new MotcuaError('officer.escrow_unavailable', 'Máy chủ chưa trả khóa dự phòng.', { status: response.status });
  const body = (await response.json().catch(() => null)) as { key?: unknown } | null;
  let key: Uint8Array | undefined;
  try {
    key = typeof body?.key === 'string' ? fromBase64Url(body.key) : undefined;
  } catch {
    key = undefined;
  }
  if (key?.length !== 32) throw new MotcuaError('officer.escrow_bad_answer', 'Khóa dự phòng máy chủ trả về không đúng dạng.');
  return key;
}
