// src/domain/reports offers the commune's dossier report, pure: the record a report reads per
// dossier, report periods on the Vietnamese calendar, the figures (received, finished early /
// on time / late, in progress, supplements, refusals, digitization, satisfaction), the register
// (Sổ theo dõi hồ sơ) and CSV for Excel.
export type { ReportRecord, ReportChannel } from './record';
export { periodBounds, inPeriod, isValidPeriod, monthPeriod, quarterPeriod, yearPeriod } from './period';
export type { ReportPeriod, PeriodBounds } from './period';
export { computeReport, computeReportByField, percent } from './compute';
export type { DeskReport, ReportOptions } from './compute';
export { reportLines } from './lines';
export type { ReportLine, ReportLineId } from './lines';
export { registerRows } from './register';
export type { RegisterRow } from './register';
export { toCsv, parseCsv, UTF8_BOM } from './csv';
export type { CsvCell } from './csv';
