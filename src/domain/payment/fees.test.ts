import { describe, it, expect } from 'vitest';
import { computeFee, computeFees, parseFeeRule, NATIONAL_FEE_RULES } from './fees';
import type { FeeRule } from './fees';
import { PaymentErrorCode } from './errors';

const { certifiedCopy, signatureCertification, contractCertification, civilStatusExtractCopy } = NATIONAL_FEE_RULES;

// A provincial fee as the catalogue would carry it (amount set by the HĐND; 5,000 đ is made up).
const lateBirthRegistration: FeeRule = {
  kind: 'fixed',
  label: 'Lệ phí đăng ký khai sinh',
  basis: 'Nghị quyết HĐND tỉnh',
  amount: 5000,
  exemptions: ['onTimeBirthRegistration', 'poorHousehold', 'disabled', 'meritoriousFamily'],
};

function total(rule: FeeRule, input: Parameters<typeof computeFee>[1]): number | null {
  const r = computeFee(rule, input);
  return r.ok ? r.value.total : null;
}

describe('computeFee: chứng thực bản sao (2,000 đ/page for pages 1-2, 1,000 đ after, cap 200,000 đ/copy)', () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [3, 5_000],
    [10, 12_000],
    [197, 199_000],
    [198, 200_000],
    [199, 200_000],
    [300, 200_000], // 302,000 uncapped
  ])('%i pages, one copy → %i đ', (pages, amount) => {
    expect(total(certifiedCopy, { pages })).toBe(amount);
  });

  it('multiplies by the number of copies, capping each copy', () => {
    expect(computeFee(certifiedCopy, { pages: 10, quantity: 3 })).toEqual({
      ok: true,
      value: {
        lines: [{ label: 'Phí chứng thực bản sao từ bản chính (10 trang/bản)', quantity: 3, unitPrice: 12_000, amount: 36_000 }],
        total: 36_000,
        notApplicableExemptions: [],
      },
    });
    expect(total(certifiedCopy, { pages: 300, quantity: 2 })).toBe(400_000);
    expect(total(certifiedCopy, { pages: 3, quantity: 2 })).toBe(10_000);
  });

  it('needs a positive whole page count', () => {
    const missing = computeFee(certifiedCopy, {});
    expect(missing.ok ? null : missing.errors.map((e) => e.code)).toEqual([PaymentErrorCode.FeePagesRequired]);
    for (const pages of [0, -1, 2.5]) {
      const r = computeFee(certifiedCopy, { pages });
      expect(r.ok ? null : r.errors.map((e) => e.code)).toEqual([PaymentErrorCode.FeePagesInvalid]);
    }
  });

  it('has no exemption: a poor household still pays, and the UI is told', () => {
    const r = computeFee(certifiedCopy, { pages: 1, exemptions: ['poorHousehold'] });
    expect(r.ok && [r.value.total, r.value.notApplicableExemptions, r.value.exemption]).toEqual([2_000, ['poorHousehold'], undefined]);
  });
});

describe('computeFee: other national fees', () => {
  it('charges 10,000 đ per signed document', () => {
    expect(total(signatureCertification, {})).toBe(10_000);
    expect(total(signatureCertification, { quantity: 2 })).toBe(20_000);
  });

  it('charges 50,000 đ per contract', () => {
    expect(computeFee(contractCertification)).toEqual({
      ok: true,
      value: {
        lines: [{ label: 'Phí chứng thực hợp đồng, giao dịch (hợp đồng)', quantity: 1, unitPrice: 50_000, amount: 50_000 }],
        total: 50_000,
        notApplicableExemptions: [],
      },
    });
  });

  it('charges 8,000 đ per extract copy', () => {
    expect(total(civilStatusExtractCopy, { quantity: 3 })).toBe(24_000);
    expect(total(civilStatusExtractCopy, { quantity: 0 })).toBe(0);
  });

  it('rejects a negative or fractional quantity', () => {
    for (const quantity of [-1, 1.5]) {
      const r = computeFee(civilStatusExtractCopy, { quantity });
      expect(r.ok ? null : r.errors.map((e) => e.code)).toEqual([PaymentErrorCode.FeeQuantityInvalid]);
    }
  });
});

describe('computeFee: provincial fixed fee and exemptions', () => {
  it('charges the fixed amount once, whatever the quantity', () => {
    expect(total(lateBirthRegistration, { quantity: 4 })).toBe(5_000);
  });

  it.each(['onTimeBirthRegistration', 'poorHousehold', 'disabled', 'meritoriousFamily'] as const)('zeroes the fee for %s', (reason) => {
    const r = computeFee(lateBirthRegistration, { exemptions: [reason] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.total).toBe(0);
      expect(r.value.lines).toHaveLength(1);
      expect(r.value.lines[0]).toMatchObject({ quantity: 1, unitPrice: 0, amount: 0 });
      expect(r.value.exemption).toMatchObject({ reason, waivedAmount: 5_000 });
    }
  });

  it('ignores a reason the rule does not honour', () => {
    const r = computeFee(lateBirthRegistration, { exemptions: ['onTimeDeathRegistration'] });
    expect(r.ok && [r.value.total, r.value.notApplicableExemptions]).toEqual([5_000, ['onTimeDeathRegistration']]);
  });

  it('keeps free procedures at zero', () => {
    expect(total({ kind: 'free', label: 'Lệ phí đăng ký kết hôn' }, {})).toBe(0);
  });
});

describe('computeFees', () => {
  it('adds the charges of one dossier: the exempt registration plus paid extract copies', () => {
    const r = computeFees([
      { rule: lateBirthRegistration, input: { exemptions: ['onTimeBirthRegistration'] } },
      { rule: civilStatusExtractCopy, input: { quantity: 2, exemptions: ['onTimeBirthRegistration'] } },
    ]);
    expect(r.ok && r.value.total).toBe(16_000);
    expect(r.ok && r.value.lines.map((l) => l.amount)).toEqual([0, 16_000]);
  });

  it('prefixes errors with the item index', () => {
    const r = computeFees([{ rule: civilStatusExtractCopy }, { rule: certifiedCopy, input: {} }]);
    expect(r.ok ? null : r.errors.map((e) => e.field)).toEqual(['1.pages']);
  });
});

describe('parseFeeRule', () => {
  it('accepts catalogue data of every kind', () => {
    for (const rule of Object.values(NATIONAL_FEE_RULES)) expect(parseFeeRule(rule).ok).toBe(true);
    expect(parseFeeRule(lateBirthRegistration)).toEqual({ ok: true, value: lateBirthRegistration });
  });

  it.each([
    { kind: 'fixed', label: 'x', amount: -5 },
    { kind: 'fixed', label: 'x', amount: 1.5 },
    { kind: 'percent', label: 'x' },
    { kind: 'free', label: 'x', exemptions: ['friendOfTheMayor'] },
    { kind: 'perUnit', label: 'x', unitPrice: 1000 },
    null,
  ])('rejects %j', (data) => {
    const r = parseFeeRule(data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.code).toBe(PaymentErrorCode.FeeRuleInvalid);
  });
});
