// Vietnamese messages of the settings page (Cài đặt): install help, the desk's officer, device storage, self-check.
export const settingsVi = {
  page: { title: 'Cài đặt', intro: 'Thông tin bàn tiếp nhận, bộ nhớ thiết bị và cài ứng dụng.' },
  install: {
    title: 'Cài Một cửa vào máy',
    done: 'Ứng dụng đã được cài trên máy này.',
    howTo:
      'Nếu trình duyệt không hiện nút cài: trên Chrome/Edge mở menu ⋮ và chọn "Cài đặt ứng dụng"; trên iPad/iPhone (Safari) bấm nút Chia sẻ rồi "Thêm vào Màn hình chính"; trên Android chọn "Thêm vào màn hình chính".',
  },
  desk: {
    title: 'Thông tin bàn tiếp nhận',
    officerName: 'Họ tên cán bộ tiếp nhận',
    officerPhone: 'Số điện thoại liên hệ',
    save: 'Lưu thông tin',
    saved: 'Đã lưu.',
    unsaved: 'Có thay đổi chưa lưu.',
    saveFailed: 'Không lưu được: {{reason}}',
    tooLong: 'Dài {{length}} ký tự, quá giới hạn {{max}} ký tự máy chủ nhận: hãy rút gọn.',
    phoneInvalid: 'Số điện thoại không hợp lệ: {{reason}}',
    notSaved: 'Chưa lưu: sửa ô được đánh dấu.',
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
  lock: {
    title: 'Tự khóa máy',
    intro: 'Khi không ai dùng máy trong khoảng thời gian này, ứng dụng tự khóa; mở lại bằng mã PIN của cán bộ.',
    minutes: 'Tự khóa sau (phút)',
    save: 'Lưu thời gian khóa',
    saved: 'Đã lưu: máy tự khóa sau {{count}} phút không dùng.',
    invalid: 'Hãy nhập số phút từ 1 đến 240.',
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
};
