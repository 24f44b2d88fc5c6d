// Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Thông tư 01/2018/TT-VPCP annex, Mẫu 01), with the
// lookup QR at the top left (Thông tư 01/2023/TT-VPCP). Paper text is Vietnamese always (parts.tsx).
import { Addressee, ContactLine, Line, PaperHeader, PaperSheet, PaperTitle, Signatures, Value, upperVi } from './parts';
import { twoDigits, vnTimePhrase } from './paper-time';
import { QrImage } from './QrImage';
import type { PaperComponentLine, ReceiptPaperProps } from './types';

export const RECEIPT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
export const PROVISIONAL_NOTE = 'Mã tạm – sẽ được thay bằng mã chính thức khi đồng bộ';
export const STATUS_QR_CAPTION = 'Quét để tra cứu tình trạng hồ sơ';

const COPY_LABELS = { applicant: 'Liên: Giao người nộp hồ sơ', archive: 'Liên: Lưu tại Bộ phận tiếp nhận và trả kết quả' } as const;

export function ReceiptPaper(props: ReceiptPaperProps) {
  const { size, unit, dossierCode, provisional, applicant, procedure, components, sets, officer } = props;
  return (
    <PaperSheet size={size} kind="receipt" form="Mẫu 01">
      <PaperHeader unit={unit} corner={<QrImage className="paper-qr--corner" text={props.qrText} preset={props.qrSvg} label="Mã QR tra cứu hồ sơ" />} />
      <PaperTitle>{RECEIPT_TITLE}</PaperTitle>
      <p className="paper-code">
        Mã hồ sơ:{' '}
        <strong className="paper-value" data-field="dossierCode">
          {dossierCode}
        </strong>
      </p>
      {provisional && (
        <p className="paper-provisional" data-field="provisional">
          <strong>MÃ TẠM</strong> {PROVISIONAL_NOTE}
        </p>
      )}
      {props.copy && <p className="paper-subtitle">({COPY_LABELS[props.copy]})</p>}

      <div className="paper-body">
        <p className="paper-line">Bộ phận tiếp nhận và trả kết quả {unit.name}</p>
        <Line label="Tiếp nhận hồ sơ của:">
          <Addressee fullName={applicant.fullName} />
        </Line>
        <Line label="Số định danh cá nhân/CCCD:" value={applicant.idNumber} />
        <Line label="Địa chỉ:" value={applicant.address} />
        <ContactLine person={applicant} />
        <Line label="Nội dung yêu cầu giải quyết:">
          <span className="paper-value">{procedure.name}</span> <span className="paper-muted">(mã thủ tục {procedure.code})</span>
        </Line>

        <p className="paper-line paper-item">1. Thành phần hồ sơ nộp gồm:</p>
        <ComponentTable components={components} />
        <p className="paper-line paper-item">
          2. Số lượng hồ sơ:{' '}
          <span className="paper-value" data-field="sets">
            {twoDigits(sets)}
          </span>{' '}
          bộ
        </p>
        <p className="paper-line paper-item">
          3. Thời gian giải quyết hồ sơ theo quy định là: <Value>{procedure.processingText}</Value>
        </p>
        <p className="paper-line paper-item">
          4. Thời gian nhận hồ sơ:{' '}
          <span className="paper-value" data-field="receivedAt">
            {vnTimePhrase(props.receivedAt)}
          </span>
        </p>
        <p className="paper-line paper-item">
          5. Thời gian trả kết quả giải quyết hồ sơ:{' '}
          <strong className="paper-value" data-field="dueAt">
            {vnTimePhrase(props.dueAt)}
          </strong>
        </p>
        <p className="paper-line paper-item">
          6. Đăng ký nhận kết quả tại: <Value>{props.resultPlace}</Value>
        </p>
        {props.statusUrl && <StatusQr url={props.statusUrl} />}
      </div>

      <Signatures
        signers={[
          { title: 'NGƯỜI NỘP HỒ SƠ', name: upperVi(applicant.fullName.trim()) },
          { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: officer.fullName, ...(officer.phone ? { note: `Điện thoại: ${officer.phone}` } : {}) },
        ]}
      />
    </PaperSheet>
  );
}

/**
 * The second QR: the status page's address, for the citizen's phone. Apart from the legal QR at
 * the top left (Thông tư 01/2023), which stays as the law has it; the address is also kept on the
 * element (data-url) for whoever reads the receipt on screen.
 */
function StatusQr({ url }: { url: string }) {
  return (
    <figure className="paper-status-qr" data-url={url}>
      <QrImage className="paper-qr--status" text={url} label="Mã QR tra cứu tình trạng hồ sơ" />
      <figcaption>{STATUS_QR_CAPTION}</figcaption>
    </figure>
  );
}

/** STT, Tên giấy tờ, and the counts by form; a 0 prints as "–" so the handed-in forms stand out. */
function ComponentTable({ components }: { components: PaperComponentLine[] }) {
  const count = (n: number) => (n > 0 ? String(n) : '–');
  return (
    <table className="paper-table paper-table--components">
      <colgroup>
        <col className="paper-col-stt" />
        <col />
        <col className="paper-col-count" />
        <col className="paper-col-count" />
        <col className="paper-col-count" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">STT</th>
          <th scope="col">Tên giấy tờ</th>
          <th scope="col">Bản chính</th>
          <th scope="col">Bản sao</th>
          <th scope="col">Bản photo</th>
        </tr>
      </thead>
      <tbody>
        {components.length === 0 ? (
          <tr>
            <td colSpan={5} className="paper-table__empty">
              (Không có giấy tờ)
            </td>
          </tr>
        ) : (
          components.map((c, i) => (
            <tr key={`${i}-${c.name}`}>
              <td className="paper-num">{i + 1}</td>
              <td>{c.name}</td>
              <td className="paper-num">{count(c.originals)}</td>
              <td className="paper-num">{count(c.certifiedCopies)}</td>
              <td className="paper-num">{count(c.photocopies)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
