// The dossier status (trạng thái hồ sơ) codes of the national portal and the state machine that
// moves a dossier between them, logging who did what, and stopping the clock while the desk
// waits on the citizen.

import { DossierErrorCode } from './errors';
import type { FieldError, Result } from './result';
import { isValidDate } from './vn-time';

/** DVCQG status codes (TrangThaiHoSo). */
export const DossierStatus = {
  Submitted: 1,
  Received: 2,
  Refused: 3,
  Processing: 4,
  SupplementRequested: 5,
  FinancialObligationRequested: 6,
  Withdrawn: 7,
  Stopped: 8,
  ResultReady: 9,
  Returned: 10,
} as const;

export type DossierStatusCode = (typeof DossierStatus)[keyof typeof DossierStatus];

export const DOSSIER_STATUS_LABELS_VI: Record<DossierStatusCode, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/** Statuses from which nothing further happens. */
export const FINAL_STATUSES: readonly DossierStatusCode[] = [3, 7, 8, 10];

/** Statuses whose clock runs (received, processing): the only ones that can be due soon or overdue. */
export const RUNNING_STATUSES: readonly DossierStatusCode[] = [2, 4];

/** Whether nothing further can happen to a dossier in this status (takes any number: rows read from storage). */
export function isFinalStatus(status: number): boolean {
  return (FINAL_STATUSES as readonly number[]).includes(status);
}

/** Whether a dossier's clock runs in this status (takes any number: rows read from storage). */
export function isRunningStatus(status: number): boolean {
  return (RUNNING_STATUSES as readonly number[]).includes(status);
}

/** Every action of the state machine, in the order of its rules: the desk's log and the gateway's schema list these. */
export const DOSSIER_ACTIONS = [
  'receive',
  'refuse',
  'startProcessing',
  'requestSupplement',
  'receiveSupplement',
  'requestFinancialObligation',
  'fulfilFinancialObligation',
  'stop',
  'withdraw',
  'markResultReady',
  'returnResult',
  'resubmit',
] as const;

export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** Whether a string (a log line read from storage or sent by a device) names an action of the machine. */
export function isDossierAction(value: string): value is DossierAction {
  return (DOSSIER_ACTIONS as readonly string[]).includes(value);
}

export const DOSSIER_ACTION_LABELS_VI: Record<DossierAction, string> = {
  receive: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  startProcessing: 'Chuyển xử lý',
  requestSupplement: 'Yêu cầu bổ sung hồ sơ',
  receiveSupplement: 'Nhận hồ sơ bổ sung',
  requestFinancialObligation: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  fulfilFinancialObligation: 'Xác nhận đã thực hiện nghĩa vụ tài chính',
  stop: 'Dừng xử lý',
  withdraw: 'Rút hồ sơ theo yêu cầu của công dân',
  markResultReady: 'Hoàn thành xử lý (có kết quả)',
  returnResult: 'Trả kết quả',
  resubmit: 'Nộp lại hồ sơ đã bổ sung',
};

interface TransitionRule {
  from: readonly DossierStatusCode[];
  to: DossierStatusCode;
  /** A reason must be written down: the citizen receives it on paper (refusal, Mẫu 02, ...). */
  noteRequired: boolean;
}

/**
 * The legal moves. Beyond the transitions seen in running systems (DOMAIN.md §4):
 * - fulfilFinancialObligation (6 → 4) is added, else status 6 would be a dead end; the time the
 *   citizen takes to pay is not counted, like the supplement wait.
 * - stop is allowed from 5 and 6 too: the usual end of a dossier whose owner never comes back.
 * - withdraw (citizen's request) is allowed from 1, 2, 4, 5, 6: at any time before a result
 *   exists. Not from 9 or 10: the decision has been issued, and withdrawing cannot undo it; not
 *   from 3, 7, 8: already closed.
 * - requestSupplement is allowed from 1 too (issue 15): the desk reading a community team's online
 *   submission asks for what is missing before receiving it. It is the dossier's one supplement
 *   request; no clock stops, as none runs before receipt (no appointment yet).
 * - resubmit (5 → 1) answers such a request: the team adds the missing papers and the submission
 *   waits for the desk again. Only for a dossier never received: a received one answers with
 *   receiveSupplement (5 → 4), its clock resuming.
 */
const RULES: Record<DossierAction, TransitionRule> = {
  receive: { from: [1], to: 2, noteRequired: false },
  refuse: { from: [1], to: 3, noteRequired: true },
  startProcessing: { from: [2], to: 4, noteRequired: false },
  requestSupplement: { from: [1, 4], to: 5, noteRequired: true },
  receiveSupplement: { from: [5], to: 4, noteRequired: false },
  requestFinancialObligation: { from: [4], to: 6, noteRequired: true },
  fulfilFinancialObligation: { from: [6], to: 4, noteRequired: false },
  stop: { from: [4, 5, 6], to: 8, noteRequired: true },
  withdraw: { from: [1, 2, 4, 5, 6], to: 7, noteRequired: false },
  markResultReady: { from: [4], to: 9, noteRequired: false },
  returnResult: { from: [9], to: 10, noteRequired: false },
  resubmit: { from: [5], to: 1, noteRequired: false },
};

/**
 * Roles are logged (ChucDanh). Two are restricted: a citizen acting online may only withdraw; a
 * community digital-technology team member (tổ công nghệ số cộng đồng, filing on a tablet for a
 * villager) may only submit (openDossier('online')) and resubmit, and only they resubmit.
 */
export const ACTOR_ROLES = ['citizen', 'receptionOfficer', 'processingOfficer', 'leader', 'system', 'communityTeam'] as const;

export type ActorRole = (typeof ACTOR_ROLES)[number];

/** How each role is named in the processing log (ChucDanh). */
export const ACTOR_ROLE_LABELS_VI: Record<ActorRole, string> = {
  citizen: 'Công dân',
  receptionOfficer: 'Cán bộ tiếp nhận',
  processingOfficer: 'Cán bộ xử lý',
  leader: 'Lãnh đạo',
  system: 'Hệ thống',
  communityTeam: 'Tổ công nghệ số cộng đồng',
};

/** The actions a role may take at all; absent means every action but resubmit. */
const ROLE_ACTIONS: Partial<Record<ActorRole, readonly DossierAction[]>> = {
  citizen: ['withdraw'],
  communityTeam: ['resubmit'],
};

/** Whether `role` may ever take `action` (whatever the status): resubmit is the team's alone. */
export function roleMayTake(role: ActorRole, action: DossierAction): boolean {
  const only = ROLE_ACTIONS[role];
  return only ? only.includes(action) : action !== 'resubmit';
}

/** Whether a string (a log line read from storage) names a role. */
export function isActorRole(value: string): value is ActorRole {
  return (ACTOR_ROLES as readonly string[]).includes(value);
}

export interface Actor {
  id: string;
  /** Name as it should appear in the processing log (NguoiXuLy). */
  name: string;
  role: ActorRole;
}

/** One line of the processing log, kept for ever and sent upward (NguoiXuLy, ThoiDiemXuLy, ...). */
export interface DossierLogEntry {
  who: string;
  whoId: string;
  role: ActorRole;
  at: Date;
  action: DossierAction | 'submit';
  from: DossierStatusCode | null;
  to: DossierStatusCode;
  note?: string;
  /** Set when the action moved the appointment (clock resumed after a wait). */
  appointmentBefore?: Date;
  appointmentAfter?: Date;
}

/** The part of a dossier (hồ sơ) the state machine reads and writes. */
export interface DossierState {
  status: DossierStatusCode;
  /** Ngày hẹn trả; null until the dossier is received. */
  appointmentAt: Date | null;
  /** How many times papers were asked for; the rule is at most once. */
  supplementRequests: number;
  /** When the clock stopped (status 5 or 6); null while it runs. */
  pausedAt: Date | null;
  receivedAt: Date | null;
  /** When processing finished with a result: the moment the timing class is judged on. */
  resultReadyAt: Date | null;
  returnedAt: Date | null;
  log: readonly DossierLogEntry[];
}

/**
 * Supplied by the calendar engine (src/domain/calendar): the new appointment after the clock
 * stood still from pausedFrom to resumedAt, counted in working time. Injected, not imported,
 * so the two modules can evolve separately and tests can use a simple stand-in.
 */
export type ExtendAppointment = (oldDue: Date, pausedFrom: Date, resumedAt: Date) => Date;

export interface TransitionOptions {
  extendAppointment: ExtendAppointment;
  note?: string;
  /** Required by 'receive' when the dossier has no appointment yet (computed by the calendar engine). */
  appointmentAt?: Date;
}

type Errors = FieldError<DossierErrorCode>[];

function error(field: string, code: DossierErrorCode, message: string, params?: FieldError['params']): { ok: false; errors: Errors } {
  return { ok: false, errors: [{ field, code, message, ...(params ? { params } : {}) }] };
}

/** A new dossier: submitted online (status 1), or received at the desk straight away (status 2). */
export function openDossier(channel: 'online' | 'desk', actor: Actor, at: Date, appointmentAt: Date | null): Result<DossierState, DossierErrorCode> {
  if (!isValidDate(at)) return error('at', DossierErrorCode.InvalidTime, 'Thời điểm không hợp lệ.');
  // A community team files online submissions only: receiving (and its appointment) is the desk's.
  if (channel === 'desk' && actor.role === 'communityTeam') {
    return error('actor', DossierErrorCode.RoleNotAllowed, `${ACTOR_ROLE_LABELS_VI.communityTeam} chỉ nộp hồ sơ trực tuyến, không tiếp nhận hồ sơ.`);
  }
  if (channel === 'desk' && !isValidDate(appointmentAt)) {
    return error('appointmentAt', DossierErrorCode.AppointmentRequired, 'Cần có ngày hẹn trả khi tiếp nhận hồ sơ.');
  }
  const status: DossierStatusCode = channel === 'online' ? 1 : 2;
  const desk = channel === 'desk';
  return {
    ok: true,
    value: bornState(status, actor, at, desk ? 'receive' : 'submit', { appointmentAt: desk ? appointmentAt : null, receivedAt: desk ? at : null }),
  };
}

/** A dossier's first state: `status`, no dates but those given, and the one log line that made it. */
function bornState(
  status: DossierStatusCode,
  actor: Actor,
  at: Date,
  action: DossierLogEntry['action'],
  { appointmentAt = null, receivedAt = null, note }: { appointmentAt?: Date | null; receivedAt?: Date | null; note?: string },
): DossierState {
  return {
    status,
    appointmentAt,
    supplementRequests: 0,
    pausedAt: null,
    receivedAt,
    resultReadyAt: null,
    returnedAt: null,
    log: [{ who: actor.name, whoId: actor.id, role: actor.role, at, action, from: null, to: status, ...(note !== undefined ? { note } : {}) }],
  };
}

/**
 * A dossier refused at the desk before it was ever received (Mẫu 03): it is born refused, by the
 * state machine's own `refuse` rule (its target status, its required reason), from no status.
 */
export function refuseAtIntake(actor: Actor, at: Date, reason: string): Result<DossierState, DossierErrorCode> {
  if (!isValidDate(at)) return error('at', DossierErrorCode.InvalidTime, 'Thời điểm thao tác không hợp lệ.');
  const note = reason.trim();
  const refused = whoAndWhyRefusal('refuse', actor, note);
  if (refused) return refused;
  return { ok: true, value: bornState(RULES.refuse.to, actor, at, 'refuse', { note }) };
}

/** Why `actor` may not do `action` with this (trimmed) note: each role its own actions (roleMayTake); some actions need a reason. */
function whoAndWhyRefusal(action: DossierAction, actor: Actor, note: string): Result<never, DossierErrorCode> | undefined {
  const actionLabel = DOSSIER_ACTION_LABELS_VI[action];
  if (!roleMayTake(actor.role, action)) {
    return error('actor', DossierErrorCode.RoleNotAllowed, `${ACTOR_ROLE_LABELS_VI[actor.role]} không được thực hiện thao tác "${actionLabel}".`, {
      action,
      role: actor.role,
    });
  }
  if (RULES[action].noteRequired && note === '') {
    return error('note', DossierErrorCode.NoteRequired, `Cần ghi rõ lý do / nội dung khi "${actionLabel}".`, { action });
  }
  return undefined;
}

/** Whether the action's reason must be written down (the citizen receives it on paper, or it is sent upward). */
export function actionNeedsNote(action: DossierAction): boolean {
  return RULES[action].noteRequired;
}

/** Why the dossier's own history forbids the move although its status allows it, or null. */
function historyForbids(dossier: DossierState, action: DossierAction): { code: DossierErrorCode; message: string } | null {
  if (action === 'requestSupplement' && dossier.supplementRequests >= 1) {
    return {
      code: DossierErrorCode.SupplementAlreadyRequested,
      message: 'Hồ sơ đã được yêu cầu bổ sung một lần; không được yêu cầu bổ sung quá 1 lần.',
    };
  }
  // A submission asked for papers before receipt goes back to the desk's queue; a received one resumes processing.
  if (action === 'resubmit' && dossier.receivedAt !== null) {
    return {
      code: DossierErrorCode.IllegalTransition,
      message: 'Hồ sơ đã được tiếp nhận: giấy tờ bổ sung được nộp tại bộ phận một cửa ("Nhận hồ sơ bổ sung").',
    };
  }
  if (action === 'receiveSupplement' && dossier.receivedAt === null) {
    return { code: DossierErrorCode.IllegalTransition, message: 'Hồ sơ trực tuyến chưa được tiếp nhận: tổ công nghệ số nộp lại hồ sơ đã bổ sung.' };
  }
  return null;
}

function ruleAllows(dossier: DossierState, action: DossierAction, role?: ActorRole): boolean {
  if (!RULES[action].from.includes(dossier.status)) return false;
  if (historyForbids(dossier, action)) return false;
  if (role !== undefined && !roleMayTake(role, action)) return false;
  return true;
}

/** What may be done now (for the buttons shown); with a role, also what that role may do. */
export function allowedActions(dossier: DossierState, role?: ActorRole): DossierAction[] {
  return (Object.keys(RULES) as DossierAction[]).filter((a) => ruleAllows(dossier, a, role));
}

/**
 * Apply `action` by `actor` at `at`. Returns the dossier with its new status, dates and one more
 * log entry, or why the move is not allowed. Other fields of D are carried over unchanged.
 */
export function transition<D extends DossierState>(
  dossier: D,
  action: DossierAction,
  actor: Actor,
  at: Date,
  options: TransitionOptions,
): Result<D, DossierErrorCode> {
  const rule = RULES[action];
  const actionLabel = DOSSIER_ACTION_LABELS_VI[action];
  if (!isValidDate(at)) return error('at', DossierErrorCode.InvalidTime, 'Thời điểm thao tác không hợp lệ.');

  if (!rule.from.includes(dossier.status)) {
    return error(
      'action',
      DossierErrorCode.IllegalTransition,
      `Không thể "${actionLabel}" khi hồ sơ đang ở trạng thái "${DOSSIER_STATUS_LABELS_VI[dossier.status]}".`,
      { action, status: dossier.status },
    );
  }
  const forbidden = historyForbids(dossier, action);
  if (forbidden) return error('action', forbidden.code, forbidden.message, { action, status: dossier.status });
  const note = options.note?.trim() ?? '';
  const refused = whoAndWhyRefusal(action, actor, note);
  if (refused) return refused;

  const next: D = { ...dossier, status: rule.to };
  const entry: DossierLogEntry = {
    who: actor.name,
    whoId: actor.id,
    role: actor.role,
    at,
    action,
    from: dossier.status,
    to: rule.to,
    ...(note !== '' ? { note } : {}),
  };

  switch (action) {
    case 'receive': {
      const appointmentAt = options.appointmentAt ?? dossier.appointmentAt;
      if (!isValidDate(appointmentAt)) {
        return error('appointmentAt', DossierErrorCode.AppointmentRequired, 'Cần có ngày hẹn trả khi tiếp nhận hồ sơ.');
      }
      next.appointmentAt = appointmentAt;
      next.receivedAt = at;
      break;
    }
    case 'requestSupplement':
      next.supplementRequests = dossier.supplementRequests + 1;
      // Before receipt no clock runs, so none stops (and resubmit has none to resume).
      next.pausedAt = dossier.status === 1 ? null : at;
      break;
    case 'requestFinancialObligation':
      next.pausedAt = at;
      break;
    case 'receiveSupplement':
    case 'fulfilFinancialObligation': {
      const pausedFrom = dossier.pausedAt;
      const oldDue = dossier.appointmentAt;
      if (pausedFrom === null || oldDue === null || at.getTime() < pausedFrom.getTime()) {
        return error('at', DossierErrorCode.InvalidTime, 'Thời điểm tiếp tục xử lý sớm hơn thời điểm tạm dừng.');
      }
      let newDue: Date;
      try {
        newDue = options.extendAppointment(oldDue, pausedFrom, at);
      } catch {
        // E.g. a date beyond the calendar data the engine holds: show an error, do not crash the desk.
        return error('appointmentAt', DossierErrorCode.BadExtension, 'Không tính được ngày hẹn trả mới.');
      }
      // The clock stood still, so the appointment can only move later; anything else is a bug
      // in the calendar engine and must not reach the citizen's receipt.
      if (!isValidDate(newDue) || newDue.getTime() < oldDue.getTime()) {
        return error('appointmentAt', DossierErrorCode.BadExtension, 'Không tính được ngày hẹn trả mới.');
      }
      next.appointmentAt = newDue;
      next.pausedAt = null;
      entry.appointmentBefore = oldDue;
      entry.appointmentAfter = newDue;
      break;
    }
    case 'stop':
    case 'withdraw':
      next.pausedAt = null;
      break;
    case 'markResultReady':
      next.resultReadyAt = at;
      break;
    case 'returnResult':
      next.returnedAt = at;
      break;
    case 'refuse':
    case 'startProcessing':
    case 'resubmit':
      break;
  }
  next.log = [...dossier.log, entry];
  return { ok: true, value: next };
}
