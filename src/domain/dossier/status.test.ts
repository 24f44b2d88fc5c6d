import { describe, it, expect } from 'vitest';
import {
  openDossier,
  refuseAtIntake,
  transition,
  allowedActions,
  DOSSIER_STATUS_LABELS_VI,
  isFinalStatus,
  isRunningStatus,
  DOSSIER_ACTIONS,
  DOSSIER_ACTION_LABELS_VI,
  isDossierAction,
  isActorRole,
  actionNeedsNote,
  ACTOR_ROLE_LABELS_VI,
} from './status';
import type { Actor, DossierAction, DossierState, DossierStatusCode, ExtendAppointment, TransitionOptions } from './status';
import { DossierErrorCode } from './errors';

const officer: Actor = { id: 'u1', name: 'Nguyễn Thị Một Cửa', role: 'receptionOfficer' };
const processor: Actor = { id: 'u2', name: 'Trần Văn Hộ Tịch', role: 'processingOfficer' };
const citizen: Actor = { id: 'c1', name: 'Lê Văn Dân', role: 'citizen' };
const team: Actor = { id: 't1', name: 'Hà Thị Tổ', role: 'communityTeam' };

// Stand-in for the calendar engine: wall-clock time added unchanged.
const addWaited: ExtendAppointment = (oldDue, from, to) => new Date(oldDue.getTime() + (to.getTime() - from.getTime()));
const opts = (extra: Partial<TransitionOptions> = {}): TransitionOptions => ({ extendAppointment: addWaited, ...extra });

const T0 = new Date('2025-07-01T01:00:00Z'); // 08:00 in Vietnam
const DUE = new Date('2025-07-03T10:00:00Z'); // 17:00 on 3 July
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

function unwrap<T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

function codesOf(r: { ok: boolean; errors?: { code: string }[] }): string[] {
  return r.ok ? [] : (r.errors ?? []).map((e) => e.code);
}

/** A desk dossier moved through the given actions, all legal, one hour apart. */
function dossierAfter(actions: DossierAction[], note = 'Thiếu bản sao giấy chứng sinh'): DossierState {
  let d = unwrap(openDossier('desk', officer, T0, DUE));
  actions.forEach((a, i) => {
    d = unwrap(transition(d, a, processor, hours(i + 1), opts({ note })));
  });
  return d;
}

describe('refuseAtIntake', () => {
  it('is born refused by the refuse rule, from no status, with the reason in its one log line', () => {
    const d = unwrap(refuseAtIntake(officer, T0, '  Hồ sơ không thuộc thẩm quyền của xã  '));
    expect([d.status, d.appointmentAt, d.receivedAt]).toEqual([3, null, null]);
    expect(d.log).toEqual([
      { who: officer.name, whoId: 'u1', role: 'receptionOfficer', at: T0, action: 'refuse', from: null, to: 3, note: 'Hồ sơ không thuộc thẩm quyền của xã' },
    ]);
  });

  it('refuses without a reason, by a citizen, or at an invalid time, as transition does', () => {
    expect(codesOf(refuseAtIntake(officer, T0, '   '))).toEqual([DossierErrorCode.NoteRequired]);
    expect(codesOf(refuseAtIntake(citizen, T0, 'Lý do'))).toEqual([DossierErrorCode.RoleNotAllowed]);
    expect(codesOf(refuseAtIntake(officer, new Date(Number.NaN), 'Lý do'))).toEqual([DossierErrorCode.InvalidTime]);
  });
});

describe('openDossier', () => {
  it('starts a desk dossier as received, with its appointment and first log line', () => {
    const d = unwrap(openDossier('desk', officer, T0, DUE));
    expect(d.status).toBe(2);
    expect(d.appointmentAt).toEqual(DUE);
    expect(d.receivedAt).toEqual(T0);
    expect(d.log).toEqual([{ who: officer.name, whoId: 'u1', role: 'receptionOfficer', at: T0, action: 'receive', from: null, to: 2 }]);
  });

  it('starts an online dossier as submitted, without appointment', () => {
    const d = unwrap(openDossier('online', citizen, T0, null));
    expect([d.status, d.appointmentAt, d.log[0]?.action]).toEqual([1, null, 'submit']);
  });

  it('needs an appointment at the desk', () => {
    expect(codesOf(openDossier('desk', officer, T0, null))).toEqual([DossierErrorCode.AppointmentRequired]);
  });
});

describe('transition: legal paths', () => {
  it('runs an online dossier from submission to return, logging every step', () => {
    let d = unwrap(openDossier('online', citizen, T0, null));
    d = unwrap(transition(d, 'receive', officer, hours(1), opts({ appointmentAt: DUE })));
    expect([d.status, d.appointmentAt, d.receivedAt]).toEqual([2, DUE, hours(1)]);
    d = unwrap(transition(d, 'startProcessing', officer, hours(2), opts()));
    d = unwrap(transition(d, 'markResultReady', processor, hours(3), opts()));
    expect(d.resultReadyAt).toEqual(hours(3));
    d = unwrap(transition(d, 'returnResult', officer, hours(4), opts({ note: 'Trả tại bộ phận một cửa' })));
    expect(d.status).toBe(10);
    expect(d.returnedAt).toEqual(hours(4));
    expect(d.log.map((e) => [e.action, e.from, e.to])).toEqual([
      ['submit', null, 1],
      ['receive', 1, 2],
      ['startProcessing', 2, 4],
      ['markResultReady', 4, 9],
      ['returnResult', 9, 10],
    ]);
    expect(d.log[4]).toEqual({
      who: officer.name,
      whoId: 'u1',
      role: 'receptionOfficer',
      at: hours(4),
      action: 'returnResult',
      from: 9,
      to: 10,
      note: 'Trả tại bộ phận một cửa',
    });
  });

  it('stops the clock during a supplement request and moves the appointment by the wait', () => {
    let d = dossierAfter(['startProcessing']);
    d = unwrap(transition(d, 'requestSupplement', processor, hours(2), opts({ note: 'Thiếu giấy chứng sinh' })));
    expect([d.status, d.supplementRequests, d.pausedAt]).toEqual([5, 1, hours(2)]);
    // The citizen comes back 26 hours later.
    d = unwrap(transition(d, 'receiveSupplement', officer, hours(28), opts()));
    const newDue = new Date(DUE.getTime() + 26 * 3_600_000);
    expect([d.status, d.pausedAt, d.appointmentAt]).toEqual([4, null, newDue]);
    expect(d.log.at(-1)).toMatchObject({ action: 'receiveSupplement', from: 5, to: 4, appointmentBefore: DUE, appointmentAfter: newDue });
  });

  it('passes the old due date and the paused interval to the calendar engine', () => {
    const calls: [Date, Date, Date][] = [];
    const spy: ExtendAppointment = (a, b, c) => {
      calls.push([a, b, c]);
      return new Date('2025-07-07T10:00:00Z');
    };
    const d = dossierAfter(['startProcessing', 'requestSupplement']);
    const r = unwrap(transition(d, 'receiveSupplement', officer, hours(50), { extendAppointment: spy }));
    expect(calls).toEqual([[DUE, hours(2), hours(50)]]);
    expect(r.appointmentAt).toEqual(new Date('2025-07-07T10:00:00Z'));
  });

  it('handles a financial obligation the same way (4 → 6 → 4)', () => {
    let d = dossierAfter(['startProcessing']);
    d = unwrap(transition(d, 'requestFinancialObligation', processor, hours(2), opts({ note: 'Nộp lệ phí trước bạ' })));
    expect(d.status).toBe(6);
    d = unwrap(transition(d, 'fulfilFinancialObligation', officer, hours(5), opts()));
    expect([d.status, d.appointmentAt]).toEqual([4, new Date(DUE.getTime() + 3 * 3_600_000)]);
  });

  it('refuses an online dossier with a reason', () => {
    const d = unwrap(openDossier('online', citizen, T0, null));
    const r = unwrap(transition(d, 'refuse', officer, hours(1), opts({ note: 'Không thuộc thẩm quyền của xã' })));
    expect([r.status, r.log.at(-1)?.note]).toEqual([3, 'Không thuộc thẩm quyền của xã']);
  });

  it('lets the citizen withdraw before a result exists, and stops a dossier left waiting', () => {
    for (const path of [[], ['startProcessing'], ['startProcessing', 'requestSupplement']] as DossierAction[][]) {
      const d = dossierAfter(path);
      expect(unwrap(transition(d, 'withdraw', citizen, hours(9), opts())).status).toBe(7);
    }
    const waiting = dossierAfter(['startProcessing', 'requestSupplement']);
    const stopped = unwrap(transition(waiting, 'stop', processor, hours(9), opts({ note: 'Quá hạn bổ sung' })));
    expect([stopped.status, stopped.pausedAt]).toEqual([8, null]);
  });

  it('keeps other fields and leaves the input untouched', () => {
    const d = { ...dossierAfter([]), code: '000.00.12.H56-250701-0001' };
    const before = JSON.stringify(d);
    const r = unwrap(transition(d, 'startProcessing', processor, hours(1), opts()));
    expect(r.code).toBe('000.00.12.H56-250701-0001');
    expect(JSON.stringify(d)).toBe(before);
    expect(d.log).toHaveLength(1);
  });
});

describe('transition: refused moves', () => {
  it.each([
    [[], 'receive'],
    [[], 'markResultReady'],
    [[], 'returnResult'],
    [[], 'requestSupplement'],
    [['startProcessing'], 'returnResult'],
    [['startProcessing'], 'receiveSupplement'],
    [['startProcessing', 'markResultReady'], 'withdraw'],
    [['startProcessing', 'markResultReady'], 'stop'],
    [['startProcessing', 'markResultReady', 'returnResult'], 'startProcessing'],
    [['withdraw'], 'startProcessing'],
  ] as [DossierAction[], DossierAction][])('after %j, refuses %s', (path, action) => {
    const d = dossierAfter(path);
    const r = transition(d, action, processor, hours(20), opts({ note: 'x' }));
    expect(codesOf(r)).toEqual([DossierErrorCode.IllegalTransition]);
    if (!r.ok) expect(r.errors[0]?.message).toContain(DOSSIER_STATUS_LABELS_VI[d.status]);
  });

  it('allows a supplement request only once', () => {
    const d = dossierAfter(['startProcessing', 'requestSupplement', 'receiveSupplement']);
    expect(d.supplementRequests).toBe(1);
    const r = transition(d, 'requestSupplement', processor, hours(10), opts({ note: 'Thiếu thêm giấy tờ' }));
    expect(codesOf(r)).toEqual([DossierErrorCode.SupplementAlreadyRequested]);
    expect(allowedActions(d)).not.toContain('requestSupplement');
  });

  it('requires a reason to refuse, ask for papers, ask for payment or stop', () => {
    const online = unwrap(openDossier('online', citizen, T0, null));
    expect(codesOf(transition(online, 'refuse', officer, hours(1), opts({ note: '   ' })))).toEqual([DossierErrorCode.NoteRequired]);
    const processing = dossierAfter(['startProcessing']);
    for (const action of ['requestSupplement', 'requestFinancialObligation', 'stop'] as const) {
      expect(codesOf(transition(processing, action, processor, hours(3), opts()))).toEqual([DossierErrorCode.NoteRequired]);
    }
  });

  it('requires an appointment when receiving', () => {
    const online = unwrap(openDossier('online', citizen, T0, null));
    expect(codesOf(transition(online, 'receive', officer, hours(1), opts()))).toEqual([DossierErrorCode.AppointmentRequired]);
  });

  it('lets a citizen do nothing but withdraw', () => {
    const d = dossierAfter(['startProcessing']);
    expect(codesOf(transition(d, 'markResultReady', citizen, hours(3), opts()))).toEqual([DossierErrorCode.RoleNotAllowed]);
    expect(allowedActions(d, 'citizen')).toEqual(['withdraw']);
  });

  it('rejects a resume before the pause and a calendar that moves the date earlier', () => {
    const waiting = dossierAfter(['startProcessing', 'requestSupplement']); // paused at hours(2)
    expect(codesOf(transition(waiting, 'receiveSupplement', officer, hours(1), opts()))).toEqual([DossierErrorCode.InvalidTime]);
    const backwards: ExtendAppointment = (old) => new Date(old.getTime() - 1);
    expect(codesOf(transition(waiting, 'receiveSupplement', officer, hours(5), { extendAppointment: backwards }))).toEqual([DossierErrorCode.BadExtension]);
    const throwing: ExtendAppointment = () => {
      throw new RangeError('no calendar data for 2199');
    };
    expect(codesOf(transition(waiting, 'receiveSupplement', officer, hours(5), { extendAppointment: throwing }))).toEqual([DossierErrorCode.BadExtension]);
    const broken: ExtendAppointment = () => new Date(Number.NaN);
    expect(codesOf(transition(waiting, 'receiveSupplement', officer, hours(5), { extendAppointment: broken }))).toEqual([DossierErrorCode.BadExtension]);
  });

  it('rejects an invalid time', () => {
    expect(codesOf(transition(dossierAfter([]), 'startProcessing', officer, new Date('x'), opts()))).toEqual([DossierErrorCode.InvalidTime]);
  });
});

describe("a community team's online submission (issue 15)", () => {
  const submitted = () => unwrap(openDossier('online', team, T0, null));

  it('is submitted by the team in status 1, with no appointment and no receipt, and never received by it', () => {
    const d = submitted();
    expect([d.status, d.appointmentAt, d.receivedAt, d.log[0]?.action, d.log[0]?.role]).toEqual([1, null, null, 'submit', 'communityTeam']);
    expect(codesOf(openDossier('desk', team, T0, DUE))).toEqual([DossierErrorCode.RoleNotAllowed]);
    expect(codesOf(refuseAtIntake(team, T0, 'Lý do'))).toEqual([DossierErrorCode.RoleNotAllowed]);
  });

  it('lets the team do nothing but resubmit, and no one else resubmit', () => {
    const d = submitted();
    for (const action of ['receive', 'refuse', 'requestSupplement', 'withdraw'] as const) {
      expect(codesOf(transition(d, action, team, hours(1), opts({ note: 'x', appointmentAt: DUE }))), action).toEqual([DossierErrorCode.RoleNotAllowed]);
    }
    expect(allowedActions(d, 'communityTeam')).toEqual([]);
    const asked = unwrap(transition(d, 'requestSupplement', officer, hours(1), opts({ note: 'Thiếu giấy chứng sinh' })));
    expect(allowedActions(asked, 'communityTeam')).toEqual(['resubmit']);
    for (const actor of [officer, processor, citizen]) {
      expect(codesOf(transition(asked, 'resubmit', actor, hours(2), opts())), actor.role).toEqual([DossierErrorCode.RoleNotAllowed]);
    }
    expect(codesOf(transition(asked, 'resubmit', team, hours(2), opts()))).toEqual([]);
  });

  it('asks for papers before receipt without a clock (1 → 5), then goes back to the desk on resubmit (5 → 1), and is received after', () => {
    const asked = unwrap(transition(submitted(), 'requestSupplement', officer, hours(1), opts({ note: 'Thiếu giấy chứng sinh' })));
    expect([asked.status, asked.supplementRequests, asked.pausedAt, asked.appointmentAt]).toEqual([5, 1, null, null]);
    expect(allowedActions(asked)).toEqual(['stop', 'withdraw', 'resubmit']);
    // No clock to resume: the desk's receiveSupplement is for received dossiers.
    expect(codesOf(transition(asked, 'receiveSupplement', officer, hours(2), opts()))).toEqual([DossierErrorCode.IllegalTransition]);
    const again = unwrap(transition(asked, 'resubmit', team, hours(2), opts({ note: 'Đã bổ sung giấy chứng sinh' })));
    expect([again.status, again.log.at(-1)?.action, again.log.at(-1)?.from, again.log.at(-1)?.note]).toEqual([1, 'resubmit', 5, 'Đã bổ sung giấy chứng sinh']);
    // The one supplement request is spent: the desk now receives or refuses.
    expect(allowedActions(again)).toEqual(['receive', 'refuse', 'withdraw']);
    const received = unwrap(transition(again, 'receive', officer, hours(3), opts({ appointmentAt: DUE })));
    expect([received.status, received.receivedAt, received.appointmentAt]).toEqual([2, hours(3), DUE]);
  });

  it('does not let a received dossier waiting on papers be resubmitted', () => {
    const waiting = dossierAfter(['startProcessing', 'requestSupplement']);
    expect(codesOf(transition(waiting, 'resubmit', team, hours(5), opts()))).toEqual([DossierErrorCode.IllegalTransition]);
    expect(allowedActions(waiting, 'communityTeam')).toEqual([]);
  });

  it('names the team in the log by its Vietnamese title', () => {
    expect(ACTOR_ROLE_LABELS_VI.communityTeam).toBe('Tổ công nghệ số cộng đồng');
    expect(isActorRole('communityTeam')).toBe(true);
  });
});

describe('allowedActions', () => {
  it('lists the moves of each status', () => {
    expect(allowedActions(unwrap(openDossier('online', citizen, T0, null)))).toEqual(['receive', 'refuse', 'requestSupplement', 'withdraw']);
    expect(allowedActions(dossierAfter([]))).toEqual(['startProcessing', 'withdraw']);
    expect(allowedActions(dossierAfter(['startProcessing']))).toEqual([
      'requestSupplement',
      'requestFinancialObligation',
      'stop',
      'withdraw',
      'markResultReady',
    ]);
    expect(allowedActions(dossierAfter(['startProcessing', 'requestSupplement']))).toEqual(['receiveSupplement', 'stop', 'withdraw']);
    expect(allowedActions(dossierAfter(['startProcessing', 'markResultReady']))).toEqual(['returnResult']);
  });

  it('offers nothing in a final status', () => {
    expect(allowedActions(dossierAfter(['startProcessing', 'markResultReady', 'returnResult']))).toEqual([]);
    expect(allowedActions(dossierAfter(['withdraw']))).toEqual([]);
    expect(allowedActions(dossierAfter(['startProcessing', 'stop']))).toEqual([]);
  });
});

describe('status sets', () => {
  const stateIn = (status: DossierStatusCode): DossierState => ({
    status,
    appointmentAt: DUE,
    supplementRequests: 0,
    pausedAt: status === 5 || status === 6 ? T0 : null,
    receivedAt: T0,
    resultReadyAt: null,
    returnedAt: null,
    log: [],
  });
  const codes = Object.keys(DOSSIER_STATUS_LABELS_VI).map(Number) as DossierStatusCode[];

  it('final statuses are exactly those from which the state machine allows nothing', () => {
    for (const s of codes) expect(isFinalStatus(s), `status ${s}`).toBe(allowedActions(stateIn(s)).length === 0);
  });

  it('the clock runs only while received or processing, never in a paused or final status', () => {
    expect(codes.filter(isRunningStatus)).toEqual([2, 4]);
    for (const s of codes) if (isRunningStatus(s)) expect(isFinalStatus(s)).toBe(false);
  });

  it('unknown codes read from storage are neither final nor running', () => {
    for (const s of [0, -1, 11, Number.NaN]) {
      expect(isFinalStatus(s)).toBe(false);
      expect(isRunningStatus(s)).toBe(false);
    }
  });
});

describe('the action list and the note rule', () => {
  it('every listed action has a label, and no label lacks an action', () => {
    expect([...DOSSIER_ACTIONS].sort()).toEqual(Object.keys(DOSSIER_ACTION_LABELS_VI).sort());
  });

  it('recognises only the listed actions and roles, whatever is read from storage', () => {
    for (const a of DOSSIER_ACTIONS) expect(isDossierAction(a)).toBe(true);
    for (const junk of ['submit', '', 'RECEIVE', 'receive ', 'toString', '__proto__']) expect(isDossierAction(junk)).toBe(false);
    expect(isActorRole('leader')).toBe(true);
    for (const junk of ['admin', '', 'Citizen', 'constructor']) expect(isActorRole(junk)).toBe(false);
  });

  it('the actions needing a note are those transition refuses without one', () => {
    const needing = DOSSIER_ACTIONS.filter(actionNeedsNote);
    expect(needing).toEqual(['refuse', 'requestSupplement', 'requestFinancialObligation', 'stop']);
    const states: Partial<Record<DossierAction, DossierState>> = {
      refuse: unwrap(openDossier('online', officer, T0, null)),
      stop: { ...unwrap(openDossier('desk', officer, T0, DUE)), status: 4 },
    };
    for (const [action, state] of Object.entries(states) as [DossierAction, DossierState][]) {
      const r = transition(state, action, officer, hours(1), opts({ note: '   ' }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]!.code).toBe(DossierErrorCode.NoteRequired);
    }
  });
});
