// The commune's working-time clock (office hours, holidays): what intake uses for the appointment
// and the dossier desk for "còn 3 giờ làm việc" and the new appointment after a supplement.
import { createWorkingTime, DEFAULT_OFFICE_HOURS, parseOfficeHours, type WorkingTime } from '../../domain/calendar';
import type { CommuneInfo } from '../../db';

const clocks = new Map<string, WorkingTime>();

/** One clock per distinct office-hours setting: building the holiday calendar is not free. */
export function clockFor(commune: Pick<CommuneInfo, 'officeHours'> | undefined): WorkingTime {
  const parsed = commune ? parseOfficeHours(commune.officeHours) : undefined;
  const settings = parsed?.ok ? parsed.settings : DEFAULT_OFFICE_HOURS;
  const key = JSON.stringify(settings);
  let clock = clocks.get(key);
  if (!clock) clocks.set(key, (clock = createWorkingTime({ officeHours: settings })));
  return clock;
}
