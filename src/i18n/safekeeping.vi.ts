// Vietnamese messages of the shell's notices about the device's data (issue 14): a lost database,
// storage not kept for good or nearly full, work waiting unsent too long. Loaded with the notices only.
export const safekeepingVi = {
  region: 'Lưu ý về dữ liệu trên máy',
  backupLink: 'Sao lưu ra tệp',
  lost: {
    title: 'Dữ liệu của ứng dụng trên máy này đã bị xóa',
    text:
      'Máy này đã có hồ sơ từ {{since}}, nhưng nay dữ liệu không còn (trình duyệt đã xóa khi thiếu chỗ, hoặc dữ liệu bị hỏng). ' +
      'Hồ sơ đã gửi lên máy chủ vẫn còn ở đó; thay đổi chưa gửi chỉ còn trong tệp sao lưu gần nhất.',
    importLink: 'Nhập tệp sao lưu gần nhất',
    resyncLink: 'Kích hoạt lại và đồng bộ từ máy chủ',
    done: 'Đã khôi phục xong, ẩn thông báo',
  },
  notPersistent:
    'Trình duyệt chưa cam kết giữ dữ liệu của máy này: khi máy thiếu chỗ, hồ sơ chưa gửi có thể bị xóa. Hãy cài ứng dụng (Cài đặt → Cài ứng dụng) và thường xuyên sao lưu ra tệp.',
  low: 'Máy sắp hết chỗ lưu (chỉ còn {{free}}). Hãy đồng bộ, rồi sao lưu ra tệp trước khi tiếp nhận thêm hồ sơ có giấy tờ số hóa.',
  reminder:
    '{{count}} thay đổi chưa gửi lên máy chủ đã chờ {{hours}} giờ (quá thời hạn nhắc {{limit}} giờ). Hãy đồng bộ, hoặc sao lưu ra tệp để mang đến nơi có mạng.',
  syncNow: 'Đồng bộ ngay',
};
