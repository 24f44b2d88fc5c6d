// A fixed set of dossiers around March 2026 whose report figures were counted by hand (see
// compute.test.ts). Times are Vietnamese wall-clock time.
import type { ReportRecord } from './record';

export const vn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);

const HT = 'Hộ tịch';
const CT = 'Chứng thực';

function record(code: string, field: string, over: Partial<ReportRecord>): ReportRecord {
  return {
    id: code,
    code,
    procedureCode: field === HT ? '1.001193' : '2.000815',
    procedureName: field === HT ? 'Thủ tục đăng ký khai sinh' : 'Chứng thực bản sao từ bản chính',
    field,
    applicantName: `Công dân ${code}`,
    channel: 'direct',
    status: 2,
    receivedAt: null,
    appointmentAt: null,
    resultReadyAt: null,
    returnedAt: null,
    refusedAt: null,
    closedWithoutResultAt: null,
    supplementRequestedAt: null,
    pausedAt: null,
    rating: null,
    componentsReceived: 1,
    componentsDigitized: 1,
    ...over,
  };
}

export const MARCH_2026 = { from: '2026-03-01', to: '2026-03-31' };

export const fixtureRecords: ReportRecord[] = [
  record('A', HT, {
    status: 10,
    receivedAt: vn('2026-03-02 08:00'),
    appointmentAt: vn('2026-03-02 17:00'),
    resultReadyAt: vn('2026-03-02 10:00'),
    returnedAt: vn('2026-03-02 10:30'),
    rating: { value: 'veryGood', at: vn('2026-03-02 10:30') },
    componentsReceived: 2,
    componentsDigitized: 2,
  }),
  record('B', HT, {
    status: 10,
    receivedAt: vn('2026-03-03 09:00'),
    appointmentAt: vn('2026-03-06 17:00'),
    resultReadyAt: vn('2026-03-05 15:00'),
    returnedAt: vn('2026-03-06 08:00'),
    rating: { value: 'good', at: vn('2026-03-06 08:00') },
    componentsReceived: 3,
    componentsDigitized: 3,
  }),
  record('C', HT, {
    status: 9,
    channel: 'online',
    receivedAt: vn('2026-03-04 14:00'),
    appointmentAt: vn('2026-03-09 17:00'),
    resultReadyAt: vn('2026-03-10 09:00'),
    componentsReceived: 2,
    componentsDigitized: 1,
  }),
  record('D', CT, {
    status: 10,
    receivedAt: vn('2026-03-10 08:00'),
    appointmentAt: vn('2026-03-10 17:00'),
    resultReadyAt: vn('2026-03-10 16:00'),
    returnedAt: vn('2026-03-11 08:00'),
    rating: { value: 'bad', reason: 'Chờ lâu', at: vn('2026-03-11 08:05') },
  }),
  record('E', HT, {
    status: 5,
    receivedAt: vn('2026-03-12 08:00'),
    appointmentAt: vn('2026-03-20 17:00'),
    supplementRequestedAt: vn('2026-03-13 09:00'),
    pausedAt: vn('2026-03-13 09:00'),
    componentsReceived: 2,
    componentsDigitized: 2,
  }),
  record('F', HT, { status: 4, receivedAt: vn('2026-03-16 08:00'), appointmentAt: vn('2026-03-18 17:00'), componentsReceived: 0, componentsDigitized: 0 }),
  record('G', CT, { status: 4, receivedAt: vn('2026-03-25 08:00'), appointmentAt: vn('2026-04-02 17:00'), componentsReceived: 3, componentsDigitized: 2 }),
  // Carried over from February, finished early after its appointment moved for a supplement.
  record('H', HT, {
    status: 10,
    receivedAt: vn('2026-02-20 08:00'),
    appointmentAt: vn('2026-03-04 17:00'),
    supplementRequestedAt: vn('2026-02-23 08:00'),
    resultReadyAt: vn('2026-03-03 10:00'),
    returnedAt: vn('2026-03-05 08:00'),
    rating: { value: 'good', at: vn('2026-03-05 08:00') },
  }),
  record('I', CT, { status: 4, receivedAt: vn('2026-02-25 08:00'), appointmentAt: vn('2026-03-02 17:00') }),
  // Finished in February, returned and rated in March: counts for satisfaction only.
  record('J', HT, {
    status: 10,
    receivedAt: vn('2026-02-10 08:00'),
    appointmentAt: vn('2026-02-13 17:00'),
    resultReadyAt: vn('2026-02-12 08:00'),
    returnedAt: vn('2026-03-02 08:00'),
    rating: { value: 'veryGood', at: vn('2026-03-02 08:00') },
  }),
  record('K', HT, { status: 7, receivedAt: vn('2026-03-05 08:00'), appointmentAt: vn('2026-03-12 17:00'), closedWithoutResultAt: vn('2026-03-06 08:00') }),
  record('L', CT, {
    status: 8,
    channel: 'online',
    receivedAt: vn('2026-03-06 08:00'),
    appointmentAt: vn('2026-03-13 17:00'),
    supplementRequestedAt: vn('2026-03-09 08:00'),
    closedWithoutResultAt: vn('2026-03-27 08:00'),
    componentsReceived: 2,
    componentsDigitized: 2,
  }),
  record('M', HT, { status: 3, refusedAt: vn('2026-03-18 08:00') }),
  record('N', HT, { status: 4, receivedAt: vn('2026-04-02 08:00'), appointmentAt: vn('2026-04-03 17:00') }),
  record('O', CT, {
    status: 9,
    channel: 'online',
    receivedAt: vn('2026-03-30 10:00'),
    appointmentAt: vn('2026-04-03 17:00'),
    resultReadyAt: vn('2026-04-01 09:00'),
  }),
  record('P', HT, { status: 1, channel: 'online' }),
  record('Q', HT, {
    status: 10,
    receivedAt: vn('2026-03-17 08:00'),
    appointmentAt: vn('2026-03-24 17:00'),
    supplementRequestedAt: vn('2026-03-18 08:00'),
    resultReadyAt: vn('2026-03-25 09:00'),
    returnedAt: vn('2026-03-26 08:00'),
    componentsReceived: 2,
    componentsDigitized: 2,
  }),
];
