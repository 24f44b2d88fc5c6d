// Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Thông tư 01/2018/TT-VPCP annex, Mẫu 02): what is
// missing and why, and whom to call. Paper text is Vietnamese always (see parts.tsx).
import { Addressee, ContactLine, Line, PaperHeader, PaperSheet, PaperTitle, Signatures, Value } from './parts';
import { placeDateLine } from './paper-time';
import type { SupplementRequestPaperProps } from './types';

export const SUPPLEMENT_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

export function SupplementRequestPaper(props: SupplementRequestPaperProps) {
  const { size, unit, applicant, procedure, missing, officer } = props;
  return (
    <PaperSheet size={size} kind="supplement" form="Mẫu 02">
      <PaperHeader unit={unit} dateLine={placeDateLine(unit.place, props.issuedAt)} />
      <PaperTitle>{SUPPLEMENT_TITLE}</PaperTitle>
      {props.dossierCode && (
        <p className="paper-code">
          Mã hồ sơ: <strong className="paper-value">{props.dossierCode}</strong>
        </p>
      )}

      <div className="paper-body">
        <Line label="Hồ sơ của:">
          <Addressee fullName={applicant.fullName} />
        </Line>
        <Line label="Nội dung yêu cầu giải quyết:">
          <span className="paper-value">{procedure.name}</span> <span className="paper-muted">(mã thủ tục {procedure.code})</span>
        </Line>
        <Line label="Địa chỉ:" value={applicant.address} />
        <ContactLine person={applicant} />
        <p className="paper-line paper-item">Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:</p>
        <table className="paper-table paper-table--missing">
          <colgroup>
            <col className="paper-col-stt" />
            <col className="paper-col-half" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Giấy tờ cần bổ sung, hoàn thiện</th>
              <th scope="col">Lý do</th>
            </tr>
          </thead>
          <tbody>
            {missing.map((m, i) => (
              <tr key={`${i}-${m.name}`}>
                <td className="paper-num">{i + 1}</td>
                <td>{m.name}</td>
                <td>{m.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="paper-line paper-para">
          Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với <span className="paper-value">{officer.fullName}</span>, số điện thoại{' '}
          <Value>{officer.phone}</Value> để được hướng dẫn./.
        </p>
      </div>

      <Signatures signers={[{ title: 'NGƯỜI HƯỚNG DẪN', name: officer.fullName }]} />
    </PaperSheet>
  );
}
