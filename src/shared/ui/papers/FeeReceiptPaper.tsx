// Biên lai thu phí, lệ phí (DOMAIN.md §8): unit, tax code, form and serial symbols, number, fee
// lines, payer, dossier code, amount in figures and in words, payment method. Paper text is
// Vietnamese always (see parts.tsx). A receipt that does not add up is refused, not printed.
import { amountInWords, formatVnd } from '../../../domain/payment';
import { feeReceiptProblems } from './fee-receipt-check';
import { Line, PaperSheet, PaperTitle, Signatures, upperVi } from './parts';
import { placeDateLine } from './paper-time';
import type { FeePaymentMethod, FeeReceiptPaperProps } from './types';

export const FEE_RECEIPT_TITLE = 'BIÊN LAI THU PHÍ, LỆ PHÍ';

export const PAYMENT_METHOD_LABELS: Record<FeePaymentMethod, string> = {
  cash: 'Tiền mặt',
  transfer: 'Chuyển khoản (chờ đối soát)',
};

export function FeeReceiptPaper(props: FeeReceiptPaperProps) {
  const { size, unit, lines, total, payer } = props;
  const problems = feeReceiptProblems(props);
  if (problems.length > 0) {
    return (
      <div className="paper-refused" role="alert">
        <p>Không in được biên lai:</p>
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <PaperSheet size={size} kind="fee-receipt">
      <header className="paper-header paper-header--receipt">
        <div className="paper-header__seller">
          {unit.parentName && <p className="paper-header__parent">{upperVi(unit.parentName)}</p>}
          <p className="paper-header__name">{upperVi(unit.name)}</p>
          <p>
            Mã số thuế:{' '}
            <span className="paper-value" data-field="taxCode">
              {unit.taxCode}
            </span>
          </p>
          {unit.address && <p>Địa chỉ: {unit.address}</p>}
          {unit.phone && <p>Điện thoại: {unit.phone}</p>}
        </div>
        <dl className="paper-header__symbols">
          <div>
            <dt>Mẫu số:</dt>
            <dd data-field="formSymbol">{unit.formSymbol}</dd>
          </div>
          <div>
            <dt>Ký hiệu:</dt>
            <dd data-field="serialSymbol">{unit.serialSymbol}</dd>
          </div>
          <div>
            <dt>Số:</dt>
            <dd className="paper-receipt-number" data-field="number">
              {props.number}
            </dd>
          </div>
        </dl>
      </header>
      <PaperTitle>{FEE_RECEIPT_TITLE}</PaperTitle>
      <p className="paper-subtitle">{placeDateLine(undefined, props.issuedAt)}</p>

      <div className="paper-body">
        <Line label="Họ tên người nộp tiền:">
          <strong className="paper-value">{upperVi(payer.fullName.trim())}</strong>
        </Line>
        <Line label="Số định danh cá nhân/CCCD:" value={payer.idNumber} />
        <Line label="Địa chỉ:" value={payer.address} />
        <Line label="Mã hồ sơ:">
          <span className="paper-value" data-field="dossierCode">
            {props.dossierCode}
          </span>
        </Line>
        <Line label="Hình thức thanh toán:">
          <span className="paper-value" data-field="method">
            {PAYMENT_METHOD_LABELS[props.method]}
          </span>
        </Line>

        <table className="paper-table paper-table--fees">
          <colgroup>
            <col className="paper-col-stt" />
            <col />
            <col className="paper-col-count" />
            <col className="paper-col-money" />
            <col className="paper-col-money" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Tên loại phí, lệ phí</th>
              <th scope="col">Số lượng</th>
              <th scope="col">Đơn giá</th>
              <th scope="col">Thành tiền</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={`${i}-${l.label}`}>
                <td className="paper-num">{i + 1}</td>
                <td>{l.label}</td>
                <td className="paper-num">{l.quantity}</td>
                <td className="paper-money">{formatVnd(l.unitPrice)}</td>
                <td className="paper-money">{formatVnd(l.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                Tổng cộng
              </th>
              <td className="paper-money" data-field="total">
                <strong>{formatVnd(total)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
        <p className="paper-line">
          <span className="paper-label">Số tiền bằng chữ:</span>{' '}
          <em className="paper-value" data-field="amountInWords">
            {amountInWords(total)}.
          </em>
        </p>
        {props.method === 'transfer' && (
          <p className="paper-line paper-note">
            Khoản chuyển khoản được xác nhận khi đối soát với sao kê của ngân hàng; biên lai này ghi nhận yêu cầu nộp tiền, chưa xác nhận tiền đã về tài khoản.
          </p>
        )}
      </div>

      <Signatures
        signers={[
          { title: 'NGƯỜI NỘP TIỀN', name: upperVi(payer.fullName.trim()) },
          { title: 'NGƯỜI THU TIỀN', ...(props.collector ? { name: props.collector.fullName } : {}) },
        ]}
      />
    </PaperSheet>
  );
}
