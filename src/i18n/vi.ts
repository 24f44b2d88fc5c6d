// Vietnamese messages: the default language of the interface.
import { digitizeVi } from './digitize.vi';
import { catalogueVi } from './catalogue.vi';
import { intakeVi } from './intake.vi';
import { dossiersVi } from './dossiers.vi';
import { reportsVi } from './reports.vi';
import { scannerVi } from './scanner.vi';
import { deviceVi } from './device.vi';
import { errorsVi } from './errors.vi';
export const vi = {
  digitize: digitizeVi,
  catalogue: catalogueVi,
  intake: intakeVi,
  dossiers: dossiersVi,
  reports: reportsVi,
  scanner: scannerVi,
  device: deviceVi,
  app: {
    name: 'Một cửa',
    fullName: 'Một cửa – Tiếp nhận hồ sơ xã',
    skipToContent: 'Bỏ qua, tới nội dung chính',
    mainNav: 'Điều hướng chính',
    language: 'Ngôn ngữ',
    switchTo: 'English',
  },
  nav: {
    catalogue: 'Tra cứu thủ tục',
    intake: 'Tiếp nhận hồ sơ',
    dossiers: 'Hồ sơ',
    sync: 'Đồng bộ',
    reports: 'Báo cáo',
    settings: 'Cài đặt',
    digitize: 'Số hóa giấy tờ',
  },
  connection: {
    label: 'Kết nối',
    online: 'Đã kết nối máy chủ',
    offline: 'Mất mạng – đang làm việc ngoại tuyến',
    unreachable: 'Có mạng nhưng không tới được máy chủ',
    checking: 'Đang kiểm tra kết nối…',
  },
  pending: {
    count_one: '{{count}} thay đổi chờ đồng bộ',
    count_other: '{{count}} thay đổi chờ đồng bộ',
    none: 'Không có thay đổi chờ đồng bộ',
  },
  install: {
    button: 'Cài ứng dụng',
    title: 'Cài Một cửa vào máy',
    done: 'Ứng dụng đã được cài trên máy này.',
    howTo:
      'Nếu trình duyệt không hiện nút cài: trên Chrome/Edge mở menu ⋮ và chọn "Cài đặt ứng dụng"; trên iPad/iPhone (Safari) bấm nút Chia sẻ rồi "Thêm vào Màn hình chính"; trên Android chọn "Thêm vào màn hình chính".',
  },
  update: {
    available: 'Đã có phiên bản mới của ứng dụng.',
    apply: 'Cập nhật ngay',
    later: 'Để sau',
    blocked:
      'Đang có dữ liệu chưa lưu hoặc đang đồng bộ, nên chưa thể tải lại. Hãy lưu hoặc chờ đồng bộ xong rồi bấm lại. Nếu để sau, bản mới sẽ dùng ở lần mở tới.',
    postponed: 'Bản mới sẽ được dùng ở lần mở ứng dụng tới.',
  },
  pages: {
    catalogue: { title: 'Tra cứu thủ tục', intro: 'Tìm thủ tục hành chính, xem giấy tờ cần nộp, thời hạn và lệ phí.' },
    intake: { title: 'Tiếp nhận hồ sơ', intro: 'Nhận hồ sơ của công dân, kiểm tra thành phần và in giấy hẹn.' },
    dossiers: { title: 'Hồ sơ', intro: 'Theo dõi hồ sơ đã tiếp nhận đến khi trả kết quả.' },
    sync: { title: 'Đồng bộ', intro: 'Gửi các thay đổi lên hệ thống của tỉnh khi có mạng.' },
    reports: { title: 'Báo cáo', intro: 'Số hồ sơ tiếp nhận, giải quyết trước hạn, đúng hạn, quá hạn.' },
    settings: { title: 'Cài đặt', intro: 'Thông tin bàn tiếp nhận, bộ nhớ thiết bị và cài ứng dụng.' },
    digitize: { title: 'Số hóa giấy tờ', intro: 'Chụp giấy tờ rời thành tệp PDF nhỏ, rõ, lưu trên máy để dùng cho hồ sơ.' },
    notFound: { title: 'Không tìm thấy trang', back: 'Về trang Tra cứu thủ tục' },
  },
  sync: {
    waiting: 'Đang chờ gửi',
    connection: 'Trạng thái kết nối',
    reserveTitle: 'Số hồ sơ dự trữ trên máy',
    reserve: 'Còn {{count}} số hồ sơ chính thức cho hôm nay để dùng khi mất mạng.',
    commune: 'Đơn vị: {{name}} (mã {{agency}})',
    noCommune: 'Máy chưa nhận thông tin xã: cần kết nối mạng một lần.',
    lastOnline: 'Lần cuối tới được máy chủ: {{time}}',
    queue: '{{count}} thay đổi đang chờ gửi.',
    allSent: 'Đã gửi hết: máy chủ đã nhận mọi thay đổi.',
    onlyQuarantine: 'Không còn gì chờ gửi, nhưng có thay đổi bị máy chủ từ chối (xem bên dưới).',
    now: 'Đồng bộ ngay',
    lastSuccess: 'Lần gửi thành công gần nhất: {{time}}',
    lastError: 'Lỗi gần nhất: {{reason}}',
    pump: {
      idle: 'Bộ gửi đang nghỉ.',
      sending: 'Đang gửi…',
      waitingToRetry: 'Gửi chưa được, sẽ thử lại tự động.',
      needsSignIn: 'Cần kích hoạt lại thiết bị / đăng nhập lại để gửi tiếp. Dữ liệu trên máy vẫn nguyên vẹn.',
      offline: 'Đang mất mạng: sẽ tự gửi khi có mạng trở lại, trong lúc ứng dụng đang mở.',
    },
    quarantineTitle: 'Bị máy chủ từ chối ({{count}})',
    resend: 'Gửi lại',
    resendOne: 'Gửi lại {{code}}',
    fixAction: 'Sửa hồ sơ',
    fixOne: 'Sửa hồ sơ {{code}}',
    fix: {
      title: 'Sửa hồ sơ {{code}} rồi gửi lại',
      reason: 'Máy chủ từ chối: {{reason}}',
      applicant: 'Người nộp hồ sơ',
      owner: 'Chủ hồ sơ',
      tooLong: 'Dài quá {{max}} ký tự mà máy chủ nhận.',
      invalid: 'Thông tin còn chỗ chưa đúng (xem từng ô): chưa lưu gì.',
      save: 'Lưu và gửi lại',
      cancel: 'Huỷ',
      nothing: 'Thay đổi này không mang thông tin người nộp để sửa.',
    },
    kind: {
      'dossier.receive': 'tiếp nhận hồ sơ',
      'dossier.refuse': 'từ chối hồ sơ',
      'dossier.transition': 'xử lý hồ sơ',
      'dossier.rate': 'đánh giá hài lòng',
    },
    checkNow: 'Kiểm tra kết nối',
  },
  desk: {
    title: 'Thông tin bàn tiếp nhận',
    officerName: 'Họ tên cán bộ tiếp nhận',
    officerPhone: 'Số điện thoại liên hệ',
    save: 'Lưu thông tin',
    saved: 'Đã lưu.',
    unsaved: 'Có thay đổi chưa lưu.',
    saveFailed: 'Không lưu được: {{reason}}',
  },
  storage: {
    title: 'Bộ nhớ thiết bị',
    persistent: 'Dữ liệu được lưu bền vững (trình duyệt sẽ không tự xoá).',
    notPersistent: 'Dữ liệu chưa được bảo vệ: trình duyệt có thể xoá khi thiếu chỗ. Hãy cài ứng dụng vào máy để được lưu bền vững.',
    unknown: 'Trình duyệt không cho biết dung lượng.',
    used: 'Đã dùng',
    free: 'Còn trống',
    lowWarning: 'Sắp hết bộ nhớ: chỉ còn {{free}}. Hãy đồng bộ hồ sơ và giải phóng bộ nhớ trước khi tiếp nhận thêm.',
  },
  selfCheck: {
    title: 'Tự kiểm tra thiết bị',
    run: 'Kiểm tra',
    database: 'Cơ sở dữ liệu trên máy',
    worker: 'Bộ xử lý nền',
    ok: 'Hoạt động tốt',
    failed: 'Lỗi: {{reason}}',
    running: 'Đang kiểm tra…',
  },
  papers: {
    toolbar: 'In giấy tờ',
    print: 'In',
    paperSize: 'Khổ giấy',
    sizeA4: 'Khổ A4',
    sizeA5: 'Khổ A5',
  },
  errors: errorsVi,
};

export type Messages = typeof vi;
