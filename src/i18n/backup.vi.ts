// Vietnamese messages of the backup file (Cài đặt → Sao lưu ra tệp / Nhập từ tệp). Loaded with the
// settings page only, never with the first screen.
export const backupVi = {
  title: 'Sao lưu và chuyển công việc bằng tệp',
  intro:
    'Khi không có mạng, hãy sao lưu các thay đổi chưa gửi được (hồ sơ, giấy tờ đã số hóa, bản nháp) ra một tệp được mã hóa, ' +
    'chép sang USB rồi nhập vào một máy khác của xã hoặc vào máy này sau khi cài lại. Máy chủ chỉ ghi mỗi hồ sơ một lần, ' +
    'dù cả hai máy cùng gửi.',
  exportTitle: 'Sao lưu ra tệp',
  passphrase: 'Mật khẩu cho tệp',
  passphraseAgain: 'Nhập lại mật khẩu',
  passphraseHint: 'Ít nhất {{min}} ký tự. Tệp chứa thông tin cá nhân của người dân: giữ mật khẩu riêng, không ghi lên USB.',
  exportButton: 'Sao lưu ra tệp',
  exporting: 'Đang sao lưu… {{percent}}%',
  deriving: 'Đang tạo khóa mã hóa từ mật khẩu…',
  exported: 'Đã sao lưu {{entries}} thay đổi và {{files}} tệp giấy tờ vào “{{name}}” ({{size}}).',
  nothingToExport: 'Không có thay đổi nào đang chờ gửi; tệp vẫn được tạo, để nhập các bản nháp.',
  tooShort: 'Mật khẩu cần ít nhất {{min}} ký tự.',
  mismatch: 'Hai lần nhập mật khẩu không giống nhau.',
  importTitle: 'Nhập từ tệp',
  file: 'Tệp sao lưu',
  importPassphrase: 'Mật khẩu của tệp',
  importButton: 'Nhập từ tệp',
  importing: 'Đang kiểm tra và nhập tệp…',
  imported: 'Đã nhập {{entries}} thay đổi, {{dossiers}} hồ sơ, {{drafts}} bản nháp và {{files}} tệp giấy tờ. Các thay đổi sẽ được gửi khi có mạng.',
  importedNothing: 'Tệp này đã được nhập trước đây (hoặc không có gì mới): không có gì thay đổi.',
  chooseFile: 'Hãy chọn tệp sao lưu.',
  failed: 'Không nhập được tệp: {{reason}} Không có gì trên máy bị thay đổi.',
  exportFailed: 'Không sao lưu được: {{reason}}',
  errors: {
    'backup.wrong_passphrase': 'Mật khẩu không đúng.',
    'backup.damaged': 'Tệp đã bị sửa hoặc bị hỏng.',
    'backup.truncated': 'Tệp không đầy đủ (bị cắt ngắn, có thể do chép chưa xong).',
    'backup.not_a_backup': 'Đây không phải tệp sao lưu của ứng dụng Một cửa.',
    'backup.unsupported_version': 'Tệp được tạo bởi phiên bản ứng dụng mới hơn: hãy cập nhật ứng dụng rồi nhập lại.',
    'backup.weak_key': 'Tệp không được mã hóa đủ mạnh để nhận.',
    'backup.bad_content': 'Nội dung tệp không đúng cấu trúc.',
    'backup.other_commune': 'Tệp này thuộc một xã khác.',
    'backup.not_enrolled': 'Thiết bị chưa được kích hoạt với xã: hãy kích hoạt trên trang Đồng bộ trước.',
    'backup.storage_full': 'Máy không còn đủ chỗ lưu.',
  } as Record<string, string>,
};
