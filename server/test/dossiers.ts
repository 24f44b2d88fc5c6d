// Dossier records shaped exactly as the app's intake writes them (src/features/intake/receive.ts),
// built with the same domain functions, then turned into JSON as the outbox sends them.
import { demoCatalogue } from '../../src/domain/catalogue';
import { createWorkingTime } from '../../src/domain/calendar';
import { newLookupCode, openDossier, type DossierState } from '../../src/domain/dossier';
import { newDraftData, processingTimeOf, quoteFees } from '../../src/domain/intake';
import type { DossierRowJson } from '../sync/schemas';
import type { TestDevice } from './gateway';
import { demoCommune } from '../seed/demo';

export const birthProcedure = demoCatalogue().procedures[0]!;

export interface DossierOptions {
  id?: string;
  code: string;
  receivedAt?: Date;
  status?: 2 | 3;
  refusalReason?: string;
  officerName?: string;
  attachments?: { componentIndex: number; sha256: string; name: string; type: string; size: number }[];
}

/** The JSON a device pushes for 'dossier.receive' (or 'dossier.refuse' with status 3). */
export function dossierPayload(device: Pick<TestDevice, 'communeId' | 'agencyCode' | 'deviceId'>, options: DossierOptions) {
  const receivedAt = options.receivedAt ?? new Date('2026-03-02T02:30:00Z'); // 09:30 in Vietnam, a Monday
  const clock = createWorkingTime();
  const data = newDraftData(birthProcedure, 1);
  data.applicant = {
    fullName: 'Nguyễn Văn Mẫu',
    idNumber: '001099000001',
    birthDate: '1999-03-15',
    sex: 'Nam',
    address: 'Số 1 Đường Thử Nghiệm, Xã Bản Mẫu',
    phone: '0912345678',
    email: 'mau@example.vn',
  };
  data.components = data.components.map((c, i) => ({ ...c, received: i < 2 }));
  const dueAt = clock.appointmentFor(receivedAt, processingTimeOf(data) ?? { processingDays: 0 });
  const actor = { id: device.deviceId, name: options.officerName ?? 'Lò Thị Mai', role: 'receptionOfficer' as const };
  const status = options.status ?? 2;
  let state: DossierState;
  if (status === 2) {
    const opened = openDossier('desk', actor, receivedAt, dueAt);
    if (!opened.ok) throw new Error('openDossier');
    state = opened.value;
  } else {
    state = {
      status: 3,
      appointmentAt: null,
      supplementRequests: 0,
      pausedAt: null,
      receivedAt: null,
      resultReadyAt: null,
      returnedAt: null,
      log: [
        {
          who: actor.name,
          whoId: actor.id,
          role: actor.role,
          at: receivedAt,
          action: 'refuse',
          from: null,
          to: 3,
          note: options.refusalReason ?? 'Thiếu giấy chứng sinh',
        },
      ],
    };
  }
  const row = {
    id: options.id ?? crypto.randomUUID(),
    code: options.code,
    ...(options.code.startsWith('TAM-') ? { provisionalCode: options.code } : {}),
    status,
    procedureCode: birthProcedure.code,
    procedureName: birthProcedure.name,
    field: birthProcedure.field,
    catalogueVersion: 1,
    applicantName: data.applicant.fullName,
    applicantIdNumber: data.applicant.idNumber,
    receivedAt: receivedAt.toISOString(),
    dueAt: (status === 2 ? dueAt : receivedAt).toISOString(),
    syncState: 'waiting',
    data: {
      intake: data,
      procedure: {
        code: birthProcedure.code,
        name: birthProcedure.name,
        field: birthProcedure.field,
        processingText: birthProcedure.processingText,
        components: birthProcedure.components,
      },
      fees: quoteFees(birthProcedure, { ...data.fees, manualAmount: 8000 }),
      state,
      commune: { id: device.communeId, name: 'Xã Thử', provinceCode: '15', agencyCode: device.agencyCode, officeHours: demoCommune.officeHours },
      officer: { officerName: actor.name, officerPhone: '0209000000' },
      ...(status === 3 ? { refusalReason: options.refusalReason ?? 'Thiếu giấy chứng sinh' } : {}),
    },
    updatedAt: receivedAt.toISOString(),
    ...(options.attachments ? { attachments: options.attachments } : {}),
  };
  // Through JSON, as the outbox sends it: Dates become ISO text.
  return JSON.parse(JSON.stringify(row)) as DossierRowJson;
}

export interface SubmissionOptions {
  id?: string;
  lookupCode?: string;
  submittedAt?: Date;
  /** The team member the log names: the tablet itself (its device id) unless given (an officer's id). */
  actor?: { id: string; name: string };
  attachments?: DossierOptions['attachments'];
}

/**
 * The JSON a community team's tablet pushes for 'dossier.submit' (issue 15): the desk's dossier
 * shape in status 1, channel online, with a lookup code and no code, receipt or appointment.
 */
export function submissionPayload(device: Pick<TestDevice, 'communeId' | 'agencyCode' | 'deviceId'>, options: SubmissionOptions = {}) {
  const submittedAt = options.submittedAt ?? new Date('2026-03-02T01:00:00Z');
  const {
    code: _code,
    provisionalCode: _provisional,
    receivedAt: _received,
    dueAt: _due,
    status: _status,
    ...desk
  } = dossierPayload(device, {
    code: 'unused',
    receivedAt: submittedAt,
    ...(options.id ? { id: options.id } : {}),
    ...(options.attachments ? { attachments: options.attachments } : {}),
  });
  const actor = { id: options.actor?.id ?? device.deviceId, name: options.actor?.name ?? 'Hà Thị Tổ', role: 'communityTeam' as const };
  const opened = openDossier('online', actor, submittedAt, null);
  if (!opened.ok) throw new Error('openDossier online');
  const row = {
    ...desk,
    lookupCode: options.lookupCode ?? newLookupCode(),
    status: 1,
    submittedAt: submittedAt.toISOString(),
    updatedAt: submittedAt.toISOString(),
    data: { ...desk.data, state: opened.value, channel: 'online' as const, officer: { officerName: actor.name, officerPhone: '0912000111' } },
  };
  return JSON.parse(JSON.stringify(row)) as typeof row & { lookupCode: string; data: { state: { log: { whoId: string }[] } } };
}

export function submitEntry(device: TestDevice, options: SubmissionOptions = {}, mutation = nextMutation()) {
  const payload = submissionPayload(device, options);
  return { mutation, kind: 'dossier.submit', entityId: payload.id, payload };
}

let mutationCounter = 0;
/** Increasing mutation numbers, as a device's outbox seq. */
export function nextMutation(): number {
  mutationCounter += 1;
  return mutationCounter;
}

export function receiveEntry(device: TestDevice, options: DossierOptions, mutation = nextMutation()) {
  const payload = dossierPayload(device, options);
  return { mutation, kind: options.status === 3 ? 'dossier.refuse' : 'dossier.receive', entityId: payload.id, payload };
}

export function transitionEntry(dossierId: string, action: string, at: string, note?: string, mutation = nextMutation()) {
  return {
    mutation,
    kind: 'dossier.transition',
    entityId: dossierId,
    payload: { dossierId, action, actor: { id: 'officer-1', name: 'Hà Văn Xử', role: 'processingOfficer' }, at, ...(note ? { note } : {}) },
  };
}
