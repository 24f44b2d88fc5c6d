// The password sign-in's two gateway calls, against a fake gateway: what each answer becomes.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fetchEscrowKey, signInOnline } from './gateway-client';

const staff = { id: 's1', communeId: 'c1', username: 'canbo.demo', fullName: 'Cán bộ Dùng Thử', role: 'receptionOfficer' };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const answering = (response: () => Response) => vi.fn<typeof fetch>(() => Promise.resolve(response()));

describe('signInOnline', () => {
  it('sends the trimmed, lower-cased username and returns the staff and token', async () => {
    const fetchImpl = answering(() => json({ token: 't', expiresAt: '2026-12-07T10:00:00.000Z', staff }));
    const answer = await signInOnline('  CanBo.Demo ', 'motcua-demo', fetchImpl);
    expect(answer).toEqual({ ok: true, signedIn: { token: 't', expiresAt: '2026-12-07T10:00:00.000Z', staff } });
    expect(JSON.parse(fetchImpl.mock.calls[0]![1]!.body as string)).toEqual({ username: 'canbo.demo', password: 'motcua-demo' });
  });

  it("takes a community team member's sign-in, for a team tablet (issue 15)", async () => {
    const team = { ...staff, username: 'congnghe.demo', role: 'communityTeam' };
    const answer = await signInOnline(
      'congnghe.demo',
      'motcua-demo',
      answering(() => json({ token: 't', expiresAt: '2026-12-07T10:00:00.000Z', staff: team })),
    );
    expect(answer).toMatchObject({ ok: true, signedIn: { staff: team } });
  });

  it('says why it failed: wrong, throttled (with the wait), offline, a server error, a malformed answer', async () => {
    expect(await signInOnline('', 'x')).toEqual({ ok: false, reason: 'missing' });
    expect(
      await signInOnline(
        'a',
        'b',
        answering(() => json({ error: 'unauthorized' }, 401)),
      ),
    ).toMatchObject({ ok: false, reason: 'wrong' });
    expect(
      await signInOnline(
        'a',
        'b',
        answering(() => json({ retryAfterSeconds: 42 }, 429)),
      ),
    ).toMatchObject({ reason: 'throttled', retryAfterSeconds: 42 });
    expect(
      await signInOnline(
        'a',
        'b',
        vi.fn<typeof fetch>(() => Promise.reject(new TypeError('offline'))),
      ),
    ).toMatchObject({ reason: 'offline' });
    // The wrong kind of device for the account (issue 15); any other 403 stays a server refusal.
    expect(
      await signInOnline(
        'a',
        'b',
        answering(() => json({ error: 'wrong_device_role', message: '…' }, 403)),
      ),
    ).toMatchObject({ reason: 'wrongDevice', status: 403 });
    expect(
      await signInOnline(
        'a',
        'b',
        answering(() => json({ error: 'forbidden' }, 403)),
      ),
    ).toMatchObject({ reason: 'server', status: 403 });
    expect(
      await signInOnline(
        'a',
        'b',
        answering(() => json({}, 503)),
      ),
    ).toMatchObject({ reason: 'server', status: 503 });
    expect(
      await signInOnline(
        'a',
        'b',
        answering(() => json({ token: 't', expiresAt: 'x', staff: { ...staff, role: 'admin' } })),
      ),
    ).toMatchObject({
      reason: 'badAnswer',
    });
  });
});

describe('fetchEscrowKey', () => {
  it('sends the staff token and decodes the 32-byte base64url key', async () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => 250 - i); // bytes whose base64 has '-' and '_'
    const fetchImpl = answering(() => json({ key: Buffer.from(key).toString('base64url') }));
    expect(await fetchEscrowKey('staff-token', fetchImpl)).toEqual(key);
    expect(new Headers(fetchImpl.mock.calls[0]![1]!.headers).get('x-staff-token')).toBe('staff-token');
  });

  it('refuses a refusal and a key of the wrong length', async () => {
    await expect(
      fetchEscrowKey(
        't',
        answering(() => json({ error: 'fresh_sign_in_required' }, 403)),
      ),
    ).rejects.toMatchObject({
      code: 'officer.escrow_unavailable',
      params: { status: 403 },
    });
    await expect(
      fetchEscrowKey(
        't',
        answering(() => json({ key: Buffer.alloc(16).toString('base64url') })),
      ),
    ).rejects.toMatchObject({
      code: 'officer.escrow_bad_answer',
    });
  });
});
