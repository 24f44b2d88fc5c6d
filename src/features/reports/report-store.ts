// UI state of the reports screen: which period and field the officer chose.
import { create } from 'zustand';
import { vietnamDateOf } from '../../domain/calendar';
import { monthPeriod, quarterPeriod, yearPeriod, type ReportPeriod } from '../../domain/reports';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface ReportChoice {
  kind: PeriodKind;
  year: number;
  month: number;
  quarter: 1 | 2 | 3 | 4;
  from: string;
  to: string;
  field: string;
}

interface ReportStore {
  choice: ReportChoice;
  choose(patch: Partial<ReportChoice>): void;
}

function initial(now: Date): ReportChoice {
  const today = vietnamDateOf(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return { kind: 'month', year, month, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4, from: `${today.slice(0, 8)}01`, to: today, field: '' };
}

export const useReportStore = create<ReportStore>((set) => ({
  choice: initial(new Date()),
  choose: (patch) => set((s) => ({ choice: { ...s.choice, ...patch } })),
}));

export function periodOf(c: ReportChoice): ReportPeriod {
  switch (c.kind) {
    case 'month':
      return monthPeriod(c.year, c.month);
    case 'quarter':
      return quarterPeriod(c.year, c.quarter);
    case 'year':
      return yearPeriod(c.year);
    case 'custom':
      return { from: c.from, to: c.to };
  }
}
