// VietQR block for paying a fee by bank transfer (DOMAIN.md §8): the EMVCo payload built by the
// payment domain, drawn as a QR, with the amount and account in words a citizen can check. A
// static QR proves nothing about payment, so the block says the transfer awaits reconciliation.
// Its text is Vietnamese always: it is shown and printed for the citizen (see parts.tsx).
import { buildVietQr, formatVnd, foldToAscii } from '../../../domain/payment';
import { QrImage } from './QrImage';
import type { TransferQrProps } from './types';
import './papers.css';

export const AWAITING_RECONCILIATION = 'Chờ đối soát';

export function TransferQr(props: TransferQrProps) {
  const built = buildVietQr({
    bankBin: props.bankBin,
    accountNumber: props.accountNumber,
    amount: props.amount,
    purpose: props.purpose,
    ...(props.billNumber ? { billNumber: props.billNumber } : {}),
  });
  if (!built.ok) {
    return (
      <div className="paper-refused" role="alert">
        <p>Không tạo được mã VietQR:</p>
        <ul>
          {built.errors.map((e) => (
            <li key={e.field}>{e.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <section className="transfer-qr" aria-label="Chuyển khoản bằng mã VietQR" data-payload={built.value}>
      <QrImage className="transfer-qr__code" text={built.value} preset={props.qrSvg} label="Mã VietQR chuyển khoản" />
      <dl className="transfer-qr__details">
        <div>
          <dt>Số tiền</dt>
          <dd className="transfer-qr__amount" data-field="amount">
            {formatVnd(props.amount)}
          </dd>
        </div>
        {props.bankName && (
          <div>
            <dt>Ngân hàng</dt>
            <dd>{props.bankName}</dd>
          </div>
        )}
        <div>
          <dt>Số tài khoản</dt>
          <dd data-field="accountNumber">{props.accountNumber}</dd>
        </div>
        <div>
          <dt>Chủ tài khoản</dt>
          <dd>{props.accountName.toLocaleUpperCase('vi')}</dd>
        </div>
        <div>
          <dt>Nội dung</dt>
          {/* What the bank will record: the QR carries the purpose without diacritics. */}
          <dd>{foldToAscii(props.purpose)}</dd>
        </div>
      </dl>
      <p className="transfer-qr__note" data-field="status">
        <strong>{AWAITING_RECONCILIATION}:</strong> khoản chuyển khoản chỉ được xác nhận khi đối chiếu với sao kê của ngân hàng.
      </p>
    </section>
  );
}
