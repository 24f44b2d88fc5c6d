// Step 3: what the citizen pays, from the procedure's fee rule or the province's amount, with
// exemptions; paid in cash or by bank transfer (VietQR, recorded as awaiting reconciliation).
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../domain/catalogue';
import { feeRuleFor, quoteFees, type FeeEntry, type IntakeDraftData } from '../../../domain/intake';
import { amountInWords, EXEMPTION_REASONS, formatVnd } from '../../../domain/payment';

interface Props {
  data: IntakeDraftData;
  procedure: Procedure;
  update(change: (data: IntakeDraftData) => IntakeDraftData): void;
}

export function FeesStep({ data, procedure, update }: Props) {
  const { t } = useTranslation();
  const rule = feeRuleFor(procedure);
  const fees = data.fees;
  const quote = quoteFees(procedure, fees);
  const set = (patch: Partial<FeeEntry>) => update((d) => ({ ...d, fees: { ...d.fees, ...patch } }));
  const wholeNumber = (value: string) => Math.max(0, Math.floor(Number(value) || 0));

  return (
    <div className="card fees-step">
      {procedure.fee && <p className="muted">{t('intake.fees.catalogueText', { text: procedure.fee })}</p>}
      <div className="form-grid">
        {rule?.kind === 'certifiedCopy' && (
          <label>
            {t('intake.fees.pages')}
            <input type="number" min={1} value={fees.pages} onChange={(e) => set({ pages: wholeNumber(e.target.value) })} />
          </label>
        )}
        {(rule?.kind === 'certifiedCopy' || rule?.kind === 'perUnit') && (
          <label>
            {t('intake.fees.copies')}
            <input type="number" min={1} value={fees.copies} onChange={(e) => set({ copies: wholeNumber(e.target.value) })} />
          </label>
        )}
        {!rule && (
          <label>
            {t('intake.fees.manualAmount')}
            <input type="number" min={0} step={1000} value={fees.manualAmount} onChange={(e) => set({ manualAmount: wholeNumber(e.target.value) })} />
          </label>
        )}
        <label>
          {t('intake.fees.exemption')}
          <select value={fees.exemption} onChange={(e) => set({ exemption: e.target.value })}>
            <option value="">{t('intake.fees.noExemption')}</option>
            {Object.entries(EXEMPTION_REASONS).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="fee-table">
        <caption className="visually-hidden">{t('intake.steps.fees')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('intake.fees.item')}</th>
            <th scope="col">{t('intake.fees.quantity')}</th>
            <th scope="col">{t('intake.fees.unitPrice')}</th>
            <th scope="col">{t('intake.fees.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line, i) => (
            <tr key={i}>
              <td>{line.label}</td>
              <td>{line.quantity}</td>
              <td>{formatVnd(line.unitPrice)}</td>
              <td>{formatVnd(line.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('intake.fees.total')}
            </th>
            <td data-testid="fee-total">{formatVnd(quote.total)}</td>
          </tr>
        </tfoot>
      </table>
      {quote.exemption && <p>{t('intake.fees.exempted', { label: quote.exemption.label })}</p>}
      <p>{t('intake.fees.inWords', { words: amountInWords(quote.total) })}</p>
      <fieldset>
        <legend>{t('intake.fees.method')}</legend>
        <label className="checkbox">
          <input type="radio" name="fee-method" checked={fees.method === 'cash'} onChange={() => set({ method: 'cash' })} />
          {t('intake.fees.cash')}
        </label>
        <label className="checkbox">
          <input type="radio" name="fee-method" checked={fees.method === 'transfer'} onChange={() => set({ method: 'transfer' })} />
          {t('intake.fees.transfer')}
        </label>
      </fieldset>
      {fees.method === 'transfer' && <p className="muted">{t('intake.fees.transferPending')}</p>}
    </div>
  );
}
