// A dossier in the de-facto shape of the provincial/national one-stop systems (DongBoHoSoMC-like,
// DOMAIN.md §12), with its processing log. Field names and codes beyond those listed in §12 are
// [open]: they follow the same naming habit and are easy to rename once a province confirms them.
import { ACTOR_ROLE_LABELS_VI, DOSSIER_ACTION_LABELS_VI, isFinalStatus, type DossierAction } from '../../src/domain/dossier';
import type { StoredDossier } from '../sync/dossier-store';
import { vnStamp } from './vn-stamp';

export interface UpwardLogEntry {
  NguoiXuLy: string;
  ChucDanh: string;
  ThoiDiemXuLy: string;
  NoiDungXuLy: string;
  TrangThai: number;
}

export interface UpwardRecord {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  /** 1 at the desk (trực tiếp), 2 online, 3 by post. */
  KenhThucHien: number;
  ChuHoSo: string;
  /** 1 a citizen (công dân). [open] 2 an organisation. */
  LoaiDoiTuong: number;
  SoGiayToChuHoSo: string;
  DiaChiChuHoSo: string;
  SoDienThoai: string;
  Email: string;
  TrichYeuHoSo: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  TrangThaiHoSo: number;
  NgayKetThucXuLy: string;
  NgayTra: string;
  /** How the result is handed back. [open] 1 at the desk. */
  HinhThuc: number;
  TaiLieuNop: { TenTaiLieu: string; SoBan: number; LoaiBan: string; TepDinhKem: { MaTep: string; TenTep: string; LoaiTep: string; KichThuoc: number }[] }[];
  DanhSachLePhi: { TenPhiLePhi: string; SoLuong: number; DonGia: number; SoTien: number; HinhThucThu: string }[];
  DanhSachHoSoBoSung: {
    NguoiYeuCauBoSung: string;
    NoiDungBoSung: string;
    NgayYeuCauBoSung: string;
    NgayTiepNhanBoSung: string;
    NgayHenTraMoi: string;
    /** [open] The papers brought for it, as TaiLieuNop names its files. */
    TepDinhKem: { MaTep: string; TenTep: string; LoaiTep: string; KichThuoc: number }[];
  }[];
  DanhSachGiayToKetQua: { TenGiayTo: string; MaTep: string }[];
  DinhDanhCHS: { LoaiDinhDanh: number; SoDinhDanh: string }[];
  QuaTrinhXuLy: UpwardLogEntry[];
}

/** ChucDanh: the domain's names of the roles (one list, src/domain/dossier). */
export const ROLE_TITLES: Record<string, string> = ACTOR_ROLE_LABELS_VI;

const RECEIVED_AS: Record<string, string> = { original: 'Bản chính', certifiedCopy: 'Bản sao chứng thực', photocopy: 'Bản sao' };

function actionLabel(action: string): string {
  return action === 'submit' ? 'Nộp hồ sơ trực tuyến' : (DOSSIER_ACTION_LABELS_VI[action as DossierAction] ?? action);
}

export function toUpwardRecord(dossier: StoredDossier): UpwardRecord {
  const { data } = dossier;
  const { intake, state, procedure } = data;
  const owner = intake.ownerIsApplicant ? intake.applicant : intake.owner;
  const log = state.log;
  const last = log.at(-1);
  const finished = isFinalStatus(dossier.status) || dossier.status === 9 ? (state.resultReadyAt ?? last?.at) : null;
  const attachments = dossier.attachments ?? [];
  // A dossier gets one supplement request, so the papers brought (server/sync/kinds/transition.ts) are its.
  const supplementPapers = ((dossier as { supplementPapers?: unknown }).supplementPapers ?? []) as {
    name?: string;
    sha256?: string;
    type?: string;
    size?: number;
  }[];
  const supplements = log.flatMap((entry, i) => {
    if (entry.action !== 'requestSupplement') return [];
    const answer = log.slice(i + 1).find((e) => e.action === 'receiveSupplement');
    return [
      {
        NguoiYeuCauBoSung: entry.who,
        NoiDungBoSung: entry.note ?? '',
        NgayYeuCauBoSung: vnStamp(entry.at),
        NgayTiepNhanBoSung: vnStamp(answer?.at),
        NgayHenTraMoi: vnStamp(answer?.appointmentAfter),
        TepDinhKem: answer ? supplementPapers.map((p) => ({ MaTep: p.sha256 ?? '', TenTep: p.name ?? '', LoaiTep: p.type ?? '', KichThuoc: p.size ?? 0 })) : [],
      },
    ];
  });
  const results = ((dossier as { results?: unknown }).results ?? []) as { name?: string; sha256?: string }[];
  return {
    // Only dossiers with an official code go upward (a submission gets one at receipt: kinds/submission.ts).
    MaHoSo: dossier.code ?? '',
    MaTTHC: procedure.code,
    TenTTHC: dossier.procedureName,
    MaLinhVuc: dossier.field,
    TenLinhVuc: dossier.field,
    // 2 (trực tuyến) for a community team's submission received later at the desk, as for any online filing.
    KenhThucHien: data.channel === 'online' || log[0]?.action === 'submit' ? 2 : 1,
    ChuHoSo: owner.fullName,
    LoaiDoiTuong: 1,
    SoGiayToChuHoSo: owner.idNumber,
    DiaChiChuHoSo: owner.address,
    SoDienThoai: owner.phone || intake.applicant.phone,
    Email: owner.email || intake.applicant.email,
    TrichYeuHoSo: `${dossier.procedureName} - ${owner.fullName}`,
    NgayTiepNhan: vnStamp(dossier.receivedAt),
    NgayHenTra: vnStamp(state.appointmentAt),
    TrangThaiHoSo: dossier.status,
    NgayKetThucXuLy: vnStamp(finished),
    NgayTra: vnStamp(state.returnedAt),
    HinhThuc: 1,
    TaiLieuNop: intake.components
      .filter((c) => c.received)
      .map((c) => ({
        TenTaiLieu: procedure.components[c.index]?.name ?? `Giấy tờ ${c.index + 1}`,
        SoBan: c.count,
        LoaiBan: RECEIVED_AS[c.receivedAs] ?? c.receivedAs,
        TepDinhKem: attachments
          .filter((a) => a.componentIndex === c.index)
          .map((a) => ({ MaTep: a.sha256, TenTep: a.name, LoaiTep: a.type, KichThuoc: a.size })),
      })),
    DanhSachLePhi: data.fees.lines.map((l) => ({
      TenPhiLePhi: l.label,
      SoLuong: l.quantity,
      DonGia: l.unitPrice,
      SoTien: l.amount,
      HinhThucThu: intake.fees.method === 'transfer' ? 'Chuyển khoản' : 'Tiền mặt',
    })),
    DanhSachHoSoBoSung: supplements,
    DanhSachGiayToKetQua: results.map((r) => ({ TenGiayTo: r.name ?? '', MaTep: r.sha256 ?? '' })),
    DinhDanhCHS: owner.idNumber ? [{ LoaiDinhDanh: 1, SoDinhDanh: owner.idNumber }] : [],
    QuaTrinhXuLy: log.map((e) => ({
      NguoiXuLy: e.who,
      ChucDanh: ROLE_TITLES[e.role] ?? e.role,
      ThoiDiemXuLy: vnStamp(e.at),
      NoiDungXuLy: e.note ? `${actionLabel(e.action)}: ${e.note}` : actionLabel(e.action),
      TrangThai: e.to,
    })),
  };
}
