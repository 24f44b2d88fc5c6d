// Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02, Thông tư 01/2018/TT-VPCP) for a received
// dossier, drawn from what the request stored: the papers missing and why, the officer and phone.
// Paper text is Vietnamese whatever the interface language: it is an administrative document.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { vnCalendarDate } from '../../domain/dossier';
import { getDb, getDossier, readDossierData } from '../../db';
import { PageHeader } from '../../shared';

function dateLine(place: string, iso: string): string {
  const { day, month, year } = vnCalendarDate(new Date(iso));
  return `${place}, ngày ${String(day).padStart(2, '0')} tháng ${String(month).padStart(2, '0')} năm ${year}`;
}

export function SupplementPrint({ id }: { id: string }) {
  const { t } = useTranslation();
  const row = useLiveQuery(async () => (await getDossier(getDb(), id)) ?? null, [id]);
  if (row === undefined) return <p role="status">…</p>;
  const data = row ? readDossierData(row) : undefined;
  const request = data?.supplement;
  if (!row || !data || !request) {
    return (
      <>
        <PageHeader title={t('dossiers.paper.title')} />
        <p>{t('dossiers.paper.none')}</p>
        <Link href={`/${id}`}>{t('dossiers.paper.back')}</Link>
      </>
    );
  }
  const commune = data.commune;
  const place = commune?.name.replace(/\s*\(.*\)$/, '') ?? '';
  const applicant = data.intake?.applicant;
  return (
    <>
      <div className="no-print">
        <PageHeader title={t('dossiers.paper.title')} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('dossiers.paper.print')}
          </button>
          <Link href={`/${id}`}>{t('dossiers.paper.back')}</Link>
        </div>
      </div>
      <article className="desk-paper" lang="vi" aria-label="Mẫu 02">
        <header className="desk-paper-header">
          <div>
            <p className="desk-paper-unit">{commune ? `ỦY BAN NHÂN DÂN ${commune.name.toUpperCase()}` : ''}</p>
            <p>BỘ PHẬN MỘT CỬA</p>
          </div>
          <div>
            <p className="desk-paper-unit">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p className="desk-paper-motto">Độc lập - Tự do - Hạnh phúc</p>
            <p className="desk-paper-date">{dateLine(place, request.requestedAt)}</p>
          </div>
        </header>
        <h2 className="desk-paper-title">PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ</h2>
        <p className="desk-paper-center">Mã hồ sơ: {row.code}</p>
        <p>Hồ sơ của: {applicant?.fullName ?? row.applicantName}</p>
        <p>
          Nội dung yêu cầu giải quyết: {row.procedureName} (mã thủ tục {row.procedureCode})
        </p>
        {applicant?.address && <p>Địa chỉ: {applicant.address}</p>}
        {(applicant?.phone || applicant?.email) && (
          <p>
            Số điện thoại: {applicant?.phone ?? ''} {applicant?.email ? `Email: ${applicant.email}` : ''}
          </p>
        )}
        <p>Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:</p>
        <table className="desk-paper-table">
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Giấy tờ cần bổ sung, hoàn thiện</th>
              <th scope="col">Lý do</th>
            </tr>
          </thead>
          <tbody>
            {request.items.map((item, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{item.name}</td>
                <td>{item.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với {request.officer.officerName || '……'}, số điện thoại{' '}
          {request.officer.officerPhone || '……'} để được hướng dẫn./.
        </p>
        <div className="desk-paper-sign">
          <p className="desk-paper-unit">NGƯỜI HƯỚNG DẪN</p>
          <p className="muted">(Ký và ghi rõ họ tên)</p>
          <p className="desk-paper-signer">{request.officer.officerName}</p>
        </div>
      </article>
    </>
  );
}
