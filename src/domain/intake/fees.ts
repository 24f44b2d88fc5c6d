// The fee quote of a draft: the catalogue's fee rule when it has one (chứng thực and other
// national fees), otherwise the amount the officer types from the province's fee table.
import type { Procedure } from '../catalogue';
import { computeFee, EXEMPTION_REASONS, NATIONAL_FEE_RULES, parseFeeRule, type ExemptionReason, type FeeQuote, type FeeRule } from '../payment';
import type { FeeEntry } from './draft';

/** The rule that applies: one carried by the catalogue entry, else a national rule by field and name. */
export function feeRuleFor(procedure: Procedure): FeeRule | undefined {
  const carried = (procedure as { feeRule?: unknown }).feeRule;
  if (carried !== undefined) {
    const parsed = parseFeeRule(carried);
    if (parsed.ok) return parsed.value;
  }
  const name = procedure.name.toLowerCase();
  if (procedure.field === 'Chứng thực') {
    if (name.includes('bản sao từ bản chính')) return NATIONAL_FEE_RULES.certifiedCopy;
    if (name.includes('chữ ký')) return NATIONAL_FEE_RULES.signatureCertification;
    if (name.includes('hợp đồng') || name.includes('giao dịch')) return NATIONAL_FEE_RULES.contractCertification;
  }
  return undefined;
}

function isExemption(value: string): value is ExemptionReason {
  return value in EXEMPTION_REASONS;
}

export function quoteFees(procedure: Procedure, entry: FeeEntry): FeeQuote {
  const exemptions = isExemption(entry.exemption) ? [entry.exemption] : [];
  const rule: FeeRule = feeRuleFor(procedure) ?? {
    kind: 'fixed',
    label: 'Lệ phí theo quy định của tỉnh',
    amount: Math.max(0, Math.round(entry.manualAmount)),
    exemptions: Object.keys(EXEMPTION_REASONS) as ExemptionReason[],
  };
  const quote = computeFee(rule, { quantity: Math.max(1, entry.copies), pages: Math.max(1, entry.pages), exemptions });
  // Inputs are clamped above, so the rule cannot refuse them; an empty quote keeps the form usable.
  return quote.ok ? quote.value : { lines: [], total: 0, notApplicableExemptions: [] };
}
