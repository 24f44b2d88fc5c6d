// Vietnamese messages of the shell: what the first screen shows on any page (header, navigation,
// connection, update prompt, page titles, printed papers' frame, errors). Each area's own messages
// load with its page (src/i18n/index.ts, loadMessages).
import { errorsShownVi } from './errors.vi';

export const viShell = {
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
    teamFile: 'Nộp hồ sơ',
    teamSubmissions: 'Hồ sơ đã nộp',
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
  },
  access: {
    signIn: 'Đăng nhập cán bộ',
    officer: 'Cán bộ: {{name}}',
    switchUser: 'Đổi người dùng',
    lock: 'Khóa máy',
    sealing: 'Đang mã hóa dữ liệu cũ trên máy: {{done}}/{{total}}',
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
    notFound: { title: 'Không tìm thấy trang', back: 'Về trang Tra cứu thủ tục' },
  },
  papers: {
    toolbar: 'In giấy tờ',
    print: 'In',
    paperSize: 'Khổ giấy',
    sizeA4: 'Khổ A4',
    sizeA5: 'Khổ A5',
  },
  errors: errorsShownVi,
};
