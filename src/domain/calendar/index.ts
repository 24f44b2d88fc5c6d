// The appointment-time engine: Vietnamese lunar calendar, public holidays (rules + official
// yearly schedules as updatable data), office hours, and working-time arithmetic for the
// appointment date (ngày hẹn trả). Pure TypeScript; all wall-clock reasoning is at UTC+7.
//
// Typical use:
//   const clock = createWorkingTime({ officeHours: communeSettings.officeHours });
//   const due = clock.appointmentFor(receivedAt, procedure);          // { processingDays }
//   const newDue = clock.extendAppointment(due, pausedFrom, resumedAt); // after a supplement

export type { CivilDate, IsoDate, WeekdayIndex, WeekdayName } from './civil-date';
export { WEEKDAY_NAMES, addDays, formatIsoDate, isIsoDate, parseIsoDate, weekdayOf } from './civil-date';

export type { ClockTime, VietnamWallClock } from './vietnam-time';
export { VIETNAM_UTC_OFFSET_HOURS, VIETNAM_TIME_ZONE, atVietnamTime, formatVietnamDateTime, vietnamDateOf, vietnamWallClock } from './vietnam-time';

export type { InstantLike } from './display-date';
export { displayCivilDate, displayDate, displayDateTime } from './display-date';

export type { LunarDate, LunarOptions } from './lunar';
export { LUNAR_SUPPORTED_YEARS, leapMonthOf, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar';

export type { CalendarData, CalendarDataIssue, HolidayRule, OfficialYear, ParseCalendarDataResult } from './calendar-data';
export { SHIPPED_CALENDAR_DATA, calendarDataSchema, parseCalendarData } from './calendar-data';

export type { DayOff, DayOffKind, DayStatus, DayStatusReason, HolidayCalendar, MakeUpWorkingDay, YearSchedule } from './holidays';
export { computedHolidays, createHolidayCalendar } from './holidays';

export type { OfficeHours, OfficeHoursSettings, ParseOfficeHoursResult } from './office-hours';
export { DEFAULT_OFFICE_HOURS, officeHoursSchema, parseOfficeHours } from './office-hours';

export type { AppointmentClock, DurationUnit, ProcessingTime } from './appointment';
export { DURATION_UNITS } from './appointment';
export { appointmentFor, extendAppointment, workingHoursLeft } from './appointment';

export type { WorkingTime, WorkingTimeOptions } from './working-time';
export { createWorkingTime } from './working-time';
