// Phiếu từ chối tiếp nhận giải quyết hồ sơ (Thông tư 01/2018/TT-VPCP annex, Mẫu 03): the reason
// the desk refuses the dossier. Paper text is Vietnamese always (see parts.tsx).
import { Addressee, ContactLine, Line, PaperHeader, PaperSheet, PaperTitle, Signatures, Value } from './parts';
import { placeDateLine } from './paper-time';
import type { RefusalPaperProps } from './types';

export const REFUSAL_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

export function RefusalPaper(props: RefusalPaperProps) {
  const { size, unit, applicant, procedure, officer } = props;
  return (
    <PaperSheet size={size} kind="refusal" form="Mẫu 03">
      <PaperHeader unit={unit} dateLine={placeDateLine(unit.place, props.issuedAt)} />
      <PaperTitle>{REFUSAL_TITLE}</PaperTitle>

      <div className="paper-body">
        <p className="paper-line">Bộ phận tiếp nhận và trả kết quả {unit.name}</p>
        <Line label="Tiếp nhận hồ sơ của:">
          <Addressee fullName={applicant.fullName} />
        </Line>
        <Line label="Địa chỉ:" value={applicant.address} />
        <ContactLine person={applicant} />
        <Line label="Nội dung yêu cầu giải quyết:">
          <span className="paper-value">{procedure.name}</span> <span className="paper-muted">(mã thủ tục {procedure.code})</span>
        </Line>
        <p className="paper-line paper-para">
          Qua xem xét, Bộ phận tiếp nhận và trả kết quả {unit.name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:
        </p>
        <p className="paper-line paper-reason" data-field="reason">
          <Value>{props.reason}</Value>
        </p>
        <p className="paper-line paper-para">Xin thông báo để ông/bà được biết và thực hiện./.</p>
      </div>

      <Signatures signers={[{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: officer.fullName }]} />
    </PaperSheet>
  );
}
