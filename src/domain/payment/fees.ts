// Fees and charges (phí, lệ phí) of a procedure: a small rule model that the catalogue can carry
// as data (provincial councils set most amounts), and the computation of a quote with line items.

import { z } from '../schema';
import { PaymentErrorCode } from './errors';
import type { FieldError, Result } from './result';

/**
 * Reasons a citizen may be exempted (miễn). Each rule lists which of them it honours, because
 * exemptions are per charge: Luật Hộ tịch Art. 11 waives the civil-status *lệ phí* for poor
 * households, but not the 8,000 đ *phí* for an extract copy.
 */
export const EXEMPTION_REASONS = {
  onTimeBirthRegistration: 'Đăng ký khai sinh đúng hạn',
  onTimeDeathRegistration: 'Đăng ký khai tử đúng hạn',
  poorHousehold: 'Người thuộc hộ nghèo',
  disabled: 'Người khuyết tật',
  meritoriousFamily: 'Người thuộc gia đình có công với cách mạng',
  adoptionByStepparentOrRelative: 'Cha dượng, mẹ kế hoặc người thân thích nhận con nuôi',
  adoptionOfChildWithDisabilityOrIllness: 'Nhận nuôi trẻ khuyết tật, nhiễm HIV/AIDS hoặc mắc bệnh hiểm nghèo',
} as const;

export type ExemptionReason = keyof typeof EXEMPTION_REASONS;

const exemptionReasonSchema = z.enum(Object.keys(EXEMPTION_REASONS) as [ExemptionReason, ...ExemptionReason[]]);
const money = z.number().int().nonnegative();

const base = {
  label: z.string().min(1),
  /** Legal basis shown on the receipt, e.g. "TT 226/2016/TT-BTC". */
  basis: z.string().optional(),
  exemptions: z.array(exemptionReasonSchema).optional(),
};

/** Schema for fee rules arriving with the catalogue bundle: data from outside is parsed first. */
export const feeRuleSchema = z.discriminatedUnion('kind', [
  /** No fee (e.g. marriage registration of residents). */
  z.object({ kind: z.literal('free'), ...base }),
  /** One amount per dossier, e.g. a provincial civil-status fee set by the HĐND. */
  z.object({ kind: z.literal('fixed'), amount: money, ...base }),
  /** Price per unit: signature 10,000 đ/case, contract 50,000 đ, extract copy 8,000 đ/copy. */
  z.object({ kind: z.literal('perUnit'), unitPrice: money, unitName: z.string().min(1), ...base }),
  /** Certified copy from the original: a price per page falling after the first pages, capped per copy. */
  z.object({
    kind: z.literal('certifiedCopy'),
    firstPagesPrice: money,
    firstPagesCount: z.number().int().positive(),
    laterPagePrice: money,
    capPerCopy: money,
    ...base,
  }),
]);

export type FeeRule = z.infer<typeof feeRuleSchema>;

export function parseFeeRule(data: unknown): Result<FeeRule, PaymentErrorCode> {
  const parsed = feeRuleSchema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      field: issue.path.join('.') || 'rule',
      code: PaymentErrorCode.FeeRuleInvalid,
      message: `Quy định phí trong danh mục thủ tục không hợp lệ (${issue.path.join('.') || 'kind'}).`,
    })),
  };
}

/** National fees (the same in every province). */
export const NATIONAL_FEE_RULES = {
  /** TT 226/2016/TT-BTC Art. 4: 2,000 đ/page for pages 1-2, 1,000 đ/page after, max 200,000 đ/copy. */
  certifiedCopy: {
    kind: 'certifiedCopy',
    label: 'Phí chứng thực bản sao từ bản chính',
    basis: 'TT 226/2016/TT-BTC',
    firstPagesPrice: 2000,
    firstPagesCount: 2,
    laterPagePrice: 1000,
    capPerCopy: 200_000,
  },
  /** One or more signatures in the same document count as one case. */
  signatureCertification: {
    kind: 'perUnit',
    label: 'Phí chứng thực chữ ký',
    basis: 'TT 226/2016/TT-BTC',
    unitPrice: 10_000,
    unitName: 'trường hợp',
  },
  contractCertification: {
    kind: 'perUnit',
    label: 'Phí chứng thực hợp đồng, giao dịch',
    basis: 'TT 226/2016/TT-BTC',
    unitPrice: 50_000,
    unitName: 'hợp đồng',
  },
  contractAmendmentCertification: {
    kind: 'perUnit',
    label: 'Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
    basis: 'TT 226/2016/TT-BTC',
    unitPrice: 30_000,
    unitName: 'hợp đồng',
  },
  contractErrorCorrection: {
    kind: 'perUnit',
    label: 'Phí sửa lỗi sai sót trong hợp đồng, giao dịch đã được chứng thực',
    basis: 'TT 226/2016/TT-BTC',
    unitPrice: 25_000,
    unitName: 'hợp đồng',
  },
  /** Phí khai thác CSDL hộ tịch: per extract copy; no civil-status exemption applies to it. */
  civilStatusExtractCopy: {
    kind: 'perUnit',
    label: 'Phí cấp bản sao trích lục hộ tịch',
    basis: 'TT 281/2016/TT-BTC',
    unitPrice: 8000,
    unitName: 'bản',
  },
} as const satisfies Record<string, FeeRule>;

export interface FeeInput {
  /** Copies (certifiedCopy), units (perUnit). Default 1. Ignored by 'fixed' and 'free'. */
  quantity?: number;
  /** Pages of the original, for certifiedCopy. */
  pages?: number;
  /** Reasons the citizen claims; only those the rule lists take effect. */
  exemptions?: readonly ExemptionReason[];
}

/** One row of the receipt: amount = quantity × unitPrice, always. */
export interface FeeLine {
  label: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface FeeQuote {
  lines: FeeLine[];
  total: number;
  /** Set when an exemption zeroed the charge; waivedAmount is what would have been paid (for reports). */
  exemption?: { reason: ExemptionReason; label: string; waivedAmount: number };
  /** Reasons claimed that this charge does not honour: the UI should say so, not drop them silently. */
  notApplicableExemptions: ExemptionReason[];
}

/** Price of one certified copy of an original with `pages` pages, cap included. */
export function certifiedCopyPrice(rule: Extract<FeeRule, { kind: 'certifiedCopy' }>, pages: number): number {
  const first = Math.min(pages, rule.firstPagesCount);
  const later = Math.max(pages - rule.firstPagesCount, 0);
  return Math.min(first * rule.firstPagesPrice + later * rule.laterPagePrice, rule.capPerCopy);
}

export function computeFee(rule: FeeRule, input: FeeInput = {}): Result<FeeQuote, PaymentErrorCode> {
  const errors: FieldError<PaymentErrorCode>[] = [];
  const quantity = input.quantity ?? 1;
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    errors.push({
      field: 'quantity',
      code: PaymentErrorCode.FeeQuantityInvalid,
      message: 'Số bản / số trường hợp phải là số nguyên không âm.',
    });
  }

  let lines: FeeLine[] = [];
  switch (rule.kind) {
    case 'free':
      lines = [{ label: rule.label, quantity: 1, unitPrice: 0, amount: 0 }];
      break;
    case 'fixed':
      lines = [{ label: rule.label, quantity: 1, unitPrice: rule.amount, amount: rule.amount }];
      break;
    case 'perUnit':
      lines = [{ label: `${rule.label} (${rule.unitName})`, quantity, unitPrice: rule.unitPrice, amount: quantity * rule.unitPrice }];
      break;
    case 'certifiedCopy': {
      if (input.pages === undefined) {
        errors.push({
          field: 'pages',
          code: PaymentErrorCode.FeePagesRequired,
          message: 'Cần nhập số trang của bản chính để tính phí chứng thực bản sao.',
        });
      } else if (!Number.isSafeInteger(input.pages) || input.pages < 1) {
        errors.push({
          field: 'pages',
          code: PaymentErrorCode.FeePagesInvalid,
          message: 'Số trang phải là số nguyên từ 1 trở lên.',
        });
      } else {
        const perCopy = certifiedCopyPrice(rule, input.pages);
        lines = [{ label: `${rule.label} (${input.pages} trang/bản)`, quantity, unitPrice: perCopy, amount: quantity * perCopy }];
      }
      break;
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const claimed = [...new Set(input.exemptions ?? [])];
  const honoured = new Set<ExemptionReason>(rule.exemptions ?? []);
  const applied = claimed.find((r) => honoured.has(r));
  const notApplicableExemptions = claimed.filter((r) => !honoured.has(r));
  const total = lines.reduce((sum, l) => sum + l.amount, 0);

  if (applied === undefined || total === 0) return { ok: true, value: { lines, total, notApplicableExemptions } };
  const label = EXEMPTION_REASONS[applied];
  return {
    ok: true,
    value: {
      lines: lines.map((l) => ({ label: `${l.label} — miễn: ${label}`, quantity: l.quantity, unitPrice: 0, amount: 0 })),
      total: 0,
      exemption: { reason: applied, label, waivedAmount: total },
      notApplicableExemptions,
    },
  };
}

/** A dossier's whole bill: several charges (e.g. the registration fee plus extract copies). */
export function computeFees(
  items: readonly { rule: FeeRule; input?: FeeInput }[],
): Result<{ quotes: FeeQuote[]; lines: FeeLine[]; total: number }, PaymentErrorCode> {
  const quotes: FeeQuote[] = [];
  const errors: FieldError<PaymentErrorCode>[] = [];
  items.forEach((item, index) => {
    const q = computeFee(item.rule, item.input);
    if (q.ok) quotes.push(q.value);
    else errors.push(...q.errors.map((e) => ({ ...e, field: `${index}.${e.field}` })));
  });
  if (errors.length > 0) return { ok: false, errors };
  const lines = quotes.flatMap((q) => q.lines);
  return { ok: true, value: { quotes, lines, total: lines.reduce((s, l) => s + l.amount, 0) } };
}
