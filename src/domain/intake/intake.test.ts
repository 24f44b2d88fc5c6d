// The intake rules on real catalogue entries: what blocks a receipt, what only warns, and fees.
import { describe, expect, it } from 'vitest';
import { demoCatalogue } from '../catalogue';
import { newDraftData, quoteFees, validateIntake, type IntakeDraftData } from './index';

const catalogue = demoCatalogue();
const procedure = (code: string) => {
  const found = catalogue.procedures.find((p) => p.code === code);
  if (!found) throw new Error(`no ${code} in the demo catalogue`);
  return found;
};
const birth = procedure('1.001193');

function filledDraft(): IntakeDraftData {
  const data = newDraftData(birth, catalogue.version);
  data.applicant = {
    fullName: 'Nguyễn Văn Mẫu',
    idNumber: '001099000001',
    birthDate: '1999-03-15',
    sex: 'Nam',
    address: 'Số 1 Đường Thử Nghiệm',
    phone: '0912345678',
    email: '',
  };
  birth.components.forEach((c, i) => {
    if (c.required) data.components[i]!.received = true;
  });
  return data;
}

describe('validateIntake', () => {
  it('accepts a complete khai sinh dossier, warning only about papers not yet scanned', () => {
    const result = validateIntake(filledDraft(), birth);
    expect(result.blocking).toEqual([]);
    const requiredNotShownOnly = birth.components.filter((c) => c.required && !c.presentOnly).length;
    expect(result.warnings.filter((w) => w.code === 'scanMissing')).toHaveLength(requiredNotShownOnly);
  });

  it('names each missing required paper', () => {
    const data = filledDraft();
    data.components[1]!.received = false;
    const result = validateIntake(data, birth);
    expect(result.blocking).toHaveLength(1);
    expect(result.blocking[0]).toMatchObject({ code: 'componentMissing', componentIndex: 1 });
    expect(result.blocking[0]!.message).toContain('Giấy chứng sinh');
  });

  it('requires a conditional paper only when its condition applies', () => {
    const data = filledDraft();
    const abandoned = birth.components.findIndex((c) => c.condition === 'trẻ bị bỏ rơi');
    expect(validateIntake(data, birth).blocking).toEqual([]);
    data.components[abandoned]!.conditionApplies = true;
    expect(validateIntake(data, birth).blocking.map((i) => i.code)).toEqual(['conditionalComponentMissing']);
  });

  it('blocks a wrong ID number and a bad phone, with the field named', () => {
    const data = filledDraft();
    data.applicant.idNumber = '001199000001'; // G=1 says a woman born in the 1900s; the form says Nam
    data.applicant.phone = '012345';
    const fields = validateIntake(data, birth).blocking.map((i) => i.field);
    expect(fields).toContain('applicant.idNumber');
    expect(fields).toContain('applicant.phone');
  });

  it('asks for the processing time where the catalogue does not know it', () => {
    const unknownTime = catalogue.procedures.find((p) => p.processingDays === null)!;
    const data = newDraftData(unknownTime, catalogue.version);
    expect(data.processingDays).toBeNull();
    expect(validateIntake(data, unknownTime).blocking.map((i) => i.code)).toContain('processingTimeMissing');
    data.processingDays = 5;
    expect(validateIntake(data, unknownTime).blocking.map((i) => i.code)).not.toContain('processingTimeMissing');
  });

  it('checks the dossier owner when it is someone else', () => {
    const data = filledDraft();
    data.ownerIsApplicant = false;
    expect(validateIntake(data, birth).blocking.some((i) => i.field === 'owner.fullName')).toBe(true);
  });
});

describe('quoteFees', () => {
  const copy = catalogue.procedures.find((p) => p.field === 'Chứng thực' && p.name.toLowerCase().includes('bản sao từ bản chính'))!;

  it('prices chứng thực copies per page with the national rule: 3 copies of 5 pages', () => {
    const quote = quoteFees(copy, { pages: 5, copies: 3, manualAmount: 0, exemption: '', method: 'cash' });
    // 2 × 2,000 + 3 × 1,000 = 7,000 đ per copy, times 3.
    expect(quote.total).toBe(21_000);
  });

  it('uses the amount the officer types where the province sets the fee, and honours an exemption', () => {
    const entry = { pages: 1, copies: 1, manualAmount: 50_000, exemption: '', method: 'cash' as const };
    expect(quoteFees(birth, entry).total).toBe(50_000);
    expect(quoteFees(birth, { ...entry, exemption: 'poorHousehold' }).total).toBe(0);
  });
});
