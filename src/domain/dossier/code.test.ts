import { describe, it, expect } from 'vitest';
import { formatDossierCode, parseDossierCode, isDossierCode, dossierCodeFromParts } from './code';
import { createCodeReserve, addCodeBlock, takeNextCode, isProvisionalCode, remainingCodes, pruneCodeReserve } from './code-reserve';
import type { CodeReserve } from './code-reserve';
import { DossierErrorCode } from './errors';

const AGENCY = '000.00.12.H56';
// 09:00 in Vietnam on 1 July 2025.
const JULY_1 = new Date('2025-07-01T02:00:00Z');
const JULY_2 = new Date('2025-07-02T02:00:00Z');

function errorCodes(r: { ok: boolean; errors?: { code: string }[] }): string[] {
  return r.ok ? [] : (r.errors ?? []).map((e) => e.code);
}

function reserve(deviceShort = 'TAB1'): CodeReserve {
  const r = createCodeReserve(AGENCY, deviceShort);
  if (!r.ok) throw new Error('test setup');
  return r.value;
}

function withBlock(res: CodeReserve, day: string, from: number, to: number): CodeReserve {
  const r = addCodeBlock(res, { agency: AGENCY, day, from, to });
  if (!r.ok) throw new Error(`test setup: ${JSON.stringify(r.errors)}`);
  return r.value;
}

/** Take n codes in a row, threading the reserve through. */
function takeMany(res: CodeReserve, now: Date, n: number): { codes: string[]; reserve: CodeReserve } {
  const codes: string[] = [];
  let current = res;
  for (let i = 0; i < n; i++) {
    const r = takeNextCode(current, now);
    if (!r.ok) throw new Error('unexpected');
    codes.push(r.value.code);
    current = r.value.reserve;
  }
  return { codes, reserve: current };
}

describe('dossier code AGENCY-YYMMDD-XXXX', () => {
  it('formats with the day of receipt and a 4-digit sequence', () => {
    expect(formatDossierCode(AGENCY, JULY_1, 1)).toEqual({ ok: true, value: '000.00.12.H56-250701-0001' });
    expect(formatDossierCode(AGENCY, JULY_1, 9999)).toEqual({ ok: true, value: '000.00.12.H56-250701-9999' });
  });

  it('takes the day in Vietnam, not in UTC', () => {
    // 00:30 on 1 July in Hà Nội is still 30 June in UTC.
    const r = formatDossierCode(AGENCY, new Date('2025-06-30T17:30:00Z'), 7);
    expect(r.ok && r.value).toBe('000.00.12.H56-250701-0007');
    // 23:59:59 on 30 June in Hà Nội.
    const r2 = formatDossierCode(AGENCY, new Date('2025-06-30T16:59:59Z'), 7);
    expect(r2.ok && r2.value).toBe('000.00.12.H56-250630-0007');
  });

  it('rejects bad parts', () => {
    expect(errorCodes(formatDossierCode(AGENCY, JULY_1, 0))).toEqual([DossierErrorCode.SequenceInvalid]);
    expect(errorCodes(formatDossierCode(AGENCY, JULY_1, 10000))).toEqual([DossierErrorCode.SequenceInvalid]);
    expect(errorCodes(formatDossierCode(AGENCY, JULY_1, 1.5))).toEqual([DossierErrorCode.SequenceInvalid]);
    for (const agency of ['00.00.12.H56', 'H56', '000.00.12.h56', '000-00-12-H56', '']) {
      expect(errorCodes(formatDossierCode(agency, JULY_1, 1))).toEqual([DossierErrorCode.AgencyInvalid]);
    }
    expect(errorCodes(formatDossierCode(AGENCY, new Date('nope'), 1))).toEqual([DossierErrorCode.DateInvalid]);
    expect(errorCodes(dossierCodeFromParts(AGENCY, '250229', 1))).toEqual([DossierErrorCode.DateInvalid]);
  });

  it('parses a code back into its parts', () => {
    expect(parseDossierCode(' 000.00.12.H56-250701-0042 ')).toEqual({
      ok: true,
      value: { agency: AGENCY, day: '250701', date: '2025-07-01', sequence: 42 },
    });
    expect(parseDossierCode('000.00.12.H56-240229-0001').ok).toBe(true); // 2024 is a leap year
  });

  it.each([
    ['000.00.12.H56-250701-001', DossierErrorCode.CodeFormat],
    ['000.00.12.H56-250701-00001', DossierErrorCode.CodeFormat],
    ['000.00.12.H56250701-0001', DossierErrorCode.CodeFormat],
    ['TAM-TAB1-250701-0001', DossierErrorCode.CodeFormat],
    ['000.00.12.H56-250231-0001', DossierErrorCode.DateInvalid],
    ['000.00.12.H56-251301-0001', DossierErrorCode.DateInvalid],
    ['000.00.12.H56-250229-0001', DossierErrorCode.DateInvalid],
    ['000.00.12.H56-250701-0000', DossierErrorCode.SequenceInvalid],
  ])('rejects %s', (code, expected) => {
    expect(errorCodes(parseDossierCode(code))).toEqual([expected]);
    expect(isDossierCode(code)).toBe(false);
  });
});

describe('code reserve', () => {
  it('spends reserved numbers in order, then falls back to provisional codes', () => {
    const res = withBlock(reserve(), '250701', 41, 43);
    expect(remainingCodes(res, JULY_1)).toBe(3);
    const { codes, reserve: after } = takeMany(res, JULY_1, 5);
    expect(codes).toEqual([
      '000.00.12.H56-250701-0041',
      '000.00.12.H56-250701-0042',
      '000.00.12.H56-250701-0043',
      'TAM-TAB1-250701-0001',
      'TAM-TAB1-250701-0002',
    ]);
    expect(remainingCodes(after, JULY_1)).toBe(0);
    expect(after.blocks).toEqual([]);
  });

  it('marks which codes are provisional', () => {
    const first = takeNextCode(withBlock(reserve(), '250701', 1, 1), JULY_1);
    expect(first.ok && first.value.provisional).toBe(false);
    const second = first.ok ? takeNextCode(first.value.reserve, JULY_1) : first;
    expect(second.ok && [second.value.code, second.value.provisional]).toEqual(['TAM-TAB1-250701-0001', true]);
  });

  it('does not mutate the reserve it is given', () => {
    const res = withBlock(reserve(), '250701', 1, 2);
    const snapshot = JSON.stringify(res);
    takeNextCode(res, JULY_1);
    expect(JSON.stringify(res)).toBe(snapshot);
  });

  it('uses only the blocks of the day of receipt', () => {
    const res = withBlock(reserve(), '250702', 1, 5);
    const today = takeNextCode(res, JULY_1);
    expect(today.ok && today.value.code).toBe('TAM-TAB1-250701-0001');
    const tomorrow = takeNextCode(res, JULY_2);
    expect(tomorrow.ok && tomorrow.value.code).toBe('000.00.12.H56-250702-0001');
  });

  it('takes the lowest number first across blocks added out of order', () => {
    const res = withBlock(withBlock(reserve(), '250701', 10, 11), '250701', 1, 2);
    expect(takeMany(res, JULY_1, 4).codes.map((c) => c.slice(-4))).toEqual(['0001', '0002', '0010', '0011']);
  });

  it('restarts the provisional counter each day', () => {
    const { reserve: after } = takeMany(reserve(), JULY_1, 3);
    const next = takeNextCode(after, JULY_2);
    expect(next.ok && next.value.code).toBe('TAM-TAB1-250702-0001');
  });

  it('never issues the same code twice, and provisional codes never look official', () => {
    let res = withBlock(withBlock(reserve(), '250701', 100, 120), '250701', 5, 9);
    const { codes } = takeMany(res, JULY_1, 60);
    expect(new Set(codes).size).toBe(60);
    expect(codes.filter((c) => isDossierCode(c))).toHaveLength(26);
    expect(codes.filter((c) => isProvisionalCode(c))).toHaveLength(34);
    for (const c of codes) expect(isDossierCode(c) !== isProvisionalCode(c)).toBe(true);
    res = withBlock(res, '250702', 1, 1);
    expect(remainingCodes(res, JULY_2)).toBe(1);
  });

  it('gives different devices different provisional codes', () => {
    const a = takeNextCode(reserve('TAB1'), JULY_1);
    const b = takeNextCode(reserve('TAB2'), JULY_1);
    expect(a.ok && b.ok && a.value.code !== b.value.code).toBe(true);
  });

  it('refuses overlapping, foreign or malformed blocks', () => {
    const res = withBlock(reserve(), '250701', 10, 20);
    expect(errorCodes(addCodeBlock(res, { agency: AGENCY, day: '250701', from: 20, to: 25 }))).toEqual([DossierErrorCode.BlockOverlap]);
    expect(addCodeBlock(res, { agency: AGENCY, day: '250701', from: 21, to: 25 }).ok).toBe(true);
    expect(addCodeBlock(res, { agency: AGENCY, day: '250702', from: 10, to: 20 }).ok).toBe(true);
    for (const bad of [
      { agency: '000.00.13.H56', day: '250701', from: 1, to: 2 },
      { agency: AGENCY, day: '250230', from: 1, to: 2 },
      { agency: AGENCY, day: '250701', from: 5, to: 4 },
      { agency: AGENCY, day: '250701', from: 0, to: 4 },
      { agency: AGENCY, day: '250701', from: 1, to: 10000 },
      'garbage',
    ]) {
      expect(errorCodes(addCodeBlock(res, bad))).toEqual([DossierErrorCode.BlockInvalid]);
    }
  });

  it('validates the agency and device tag', () => {
    expect(errorCodes(createCodeReserve('H56', 'TAB1'))).toEqual([DossierErrorCode.AgencyInvalid]);
    for (const tag of ['ab12', 'T-1A', 'TAB', 'TABLET123']) {
      expect(errorCodes(createCodeReserve(AGENCY, tag))).toEqual([DossierErrorCode.DeviceShortInvalid]);
    }
  });

  it('releases past days when pruned, keeping today and later', () => {
    const res = withBlock(withBlock(withBlock(reserve(), '250630', 1, 3), '250701', 1, 3), '250702', 1, 3);
    const { reserve: pruned, released } = pruneCodeReserve(res, JULY_1);
    expect(released).toEqual([{ agency: AGENCY, day: '250630', from: 1, to: 3 }]);
    expect(pruned.blocks.map((b) => b.day)).toEqual(['250701', '250702']);
  });

  it('stops at 9,999 provisional codes a day', () => {
    const res: CodeReserve = { ...reserve(), provisional: { day: '250701', last: 9999 } };
    expect(errorCodes(takeNextCode(res, JULY_1))).toEqual([DossierErrorCode.ProvisionalExhausted]);
  });

  it('recognises provisional codes', () => {
    expect(isProvisionalCode('TAM-TAB1-250701-0001')).toBe(true);
    expect(isProvisionalCode('TAM-TAB1-250231-0001')).toBe(false);
    expect(isProvisionalCode('TAM-TAB1-250701-0000')).toBe(false);
    expect(isProvisionalCode('000.00.12.H56-250701-0001')).toBe(false);
  });
});
