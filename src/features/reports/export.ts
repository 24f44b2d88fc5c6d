// The report as files the commune sends on: CSV (UTF-8 with BOM, for any spreadsheet) and XLSX
// (exceljs, loaded only when asked for: it is large and most visits never export). Both are
// built from the same rows as the screen's table, so the numbers cannot differ.
import type { TFunction } from 'i18next';
import { registerRows, reportLines, toCsv, type CsvCell, type DeskReport, type RegisterRow, type ReportLineId } from '../../domain/reports';
import { displayCivilDate, displayDate } from '../../domain/calendar';
import type { LoadedReport } from './use-report';

export interface ExportContext {
  t: TFunction;
  communeName: string;
}

const BY_FIELD_COLUMNS: ReportLineId[] = [
  'toHandle',
  'received',
  'finishedEarly',
  'finishedOnTime',
  'finishedLate',
  'inProgressInTime',
  'inProgressOverdue',
  'supplementRequests',
  'refusals',
];

function byFieldValue(r: DeskReport, id: ReportLineId): number {
  return reportLines(r).find((l) => l.id === id)!.value;
}

function heading(loaded: LoadedReport, { t, communeName }: ExportContext): CsvCell[][] {
  const { period, field } = loaded.report;
  return [
    [t('reports.export.title1')],
    [t('reports.export.unit', { name: communeName })],
    [t('reports.export.period', { from: displayCivilDate(period.from), to: displayCivilDate(period.to) })],
    [`${t('reports.form.field')}: ${field ?? t('reports.form.allFields')}`],
    [],
  ];
}

/** The figures: one line per indicator, with its count and its share of the parent line. */
export function figureRows(loaded: LoadedReport, t: TFunction): CsvCell[][] {
  return [
    [t('reports.table.indicator'), t('reports.table.count'), t('reports.table.percent')],
    ...reportLines(loaded.report).map((l) => [t(`reports.lines.${l.id}`), l.value, l.percent]),
  ];
}

export function byFieldRows(loaded: LoadedReport, t: TFunction): CsvCell[][] {
  if (loaded.byField.length === 0) return [];
  return [
    [t('reports.byField.field'), ...BY_FIELD_COLUMNS.map((id) => t(`reports.lines.${id}`))],
    ...loaded.byField.map((r) => [r.field, ...BY_FIELD_COLUMNS.map((id) => byFieldValue(r, id))]),
  ];
}

/** Sổ theo dõi hồ sơ of the loaded period and field (computed when asked for: it is long). */
export function registerOf(loaded: LoadedReport): RegisterRow[] {
  const { period, field } = loaded.report;
  return registerRows(loaded.records, { period, field, now: loaded.now });
}

export function registerSheetRows(loaded: LoadedReport, t: TFunction): CsvCell[][] {
  type Column = 'number' | 'code' | 'procedure' | 'applicant' | 'receivedAt' | 'appointmentAt' | 'resultReadyAt' | 'returnedAt' | 'status' | 'timing';
  const k = (key: Column) => t(`reports.register.${key}`);
  return [
    (['number', 'code', 'procedure', 'applicant', 'receivedAt', 'appointmentAt', 'resultReadyAt', 'returnedAt', 'status', 'timing'] as const).map(k),
    ...registerOf(loaded).map((r) => [
      r.number,
      r.code,
      r.procedureName,
      r.applicantName,
      displayDate(r.receivedAt),
      displayDate(r.appointmentAt),
      displayDate(r.resultReadyAt),
      displayDate(r.returnedAt),
      t(`dossiers.status.${r.status}` as 'dossiers.status.1'),
      r.timing ? t(`dossiers.timing.${r.timing}`) : '',
    ]),
  ];
}

export function reportCsv(loaded: LoadedReport, ctx: ExportContext): string {
  const byField = byFieldRows(loaded, ctx.t);
  return toCsv([...heading(loaded, ctx), ...figureRows(loaded, ctx.t), ...(byField.length ? [[], [ctx.t('reports.byField.title')], ...byField] : [])]);
}

export async function reportXlsx(loaded: LoadedReport, ctx: ExportContext): Promise<Blob> {
  const { t } = ctx;
  const mod = await import('exceljs');
  // The browser build is a UMD bundle: its namespace arrives as the default export.
  const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const book = new ExcelJS.Workbook();
  book.creator = 'Motcua';
  book.created = new Date();

  const sheet = book.addWorksheet(t('reports.export.sheetReport'));
  for (const row of heading(loaded, ctx)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const figures = figureRows(loaded, t);
  const headerRow = sheet.addRow(figures[0]!);
  headerRow.font = { bold: true };
  reportLines(loaded.report).forEach((line, i) => {
    const row = sheet.addRow(figures[i + 1]!);
    if (line.level === 0) row.font = { bold: true };
    else row.getCell(1).alignment = { indent: 2 };
    row.getCell(3).numFmt = '0.0';
  });
  sheet.getColumn(1).width = 58;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 12;

  const byField = byFieldRows(loaded, t);
  if (byField.length) {
    const fields = book.addWorksheet(t('reports.export.sheetByField'));
    byField.forEach((row, i) => {
      const added = fields.addRow(row);
      if (i === 0) added.font = { bold: true };
    });
    fields.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 16));
  }

  const register = book.addWorksheet(t('reports.export.sheetRegister'));
  registerSheetRows(loaded, t).forEach((row, i) => {
    const added = register.addRow(row);
    if (i === 0) added.font = { bold: true };
  });
  [6, 26, 40, 24, 12, 12, 12, 12, 24, 14].forEach((w, i) => (register.getColumn(i + 1).width = w));

  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function reportFileName(loaded: LoadedReport, ext: 'csv' | 'xlsx'): string {
  const { period } = loaded.report;
  return `bao-cao-ho-so_${period.from}_${period.to}.${ext}`;
}

/** Hands a file to the browser's download, then frees the object URL. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
