// Vietnamese messages of device enrolment (Kích hoạt thiết bị) on the Đồng bộ page.
export const deviceVi = {
  title: 'Kích hoạt thiết bị',
  intro: 'Mỗi máy cần được kích hoạt một lần với mã do quản trị viên của tỉnh cấp, để gửi hồ sơ lên hệ thống.',
  code: 'Mã kích hoạt thiết bị',
  name: 'Tên thiết bị',
  namePlaceholder: 'Ví dụ: Máy tính bàn tiếp nhận số 1',
  submit: 'Kích hoạt',
  submitting: 'Đang kích hoạt…',
  demoHint: 'Máy chủ dùng thử: mã DEMO',
  enrolled: 'Thiết bị "{{name}}" đã được kích hoạt cho {{commune}}.',
  enrolledAt: 'Kích hoạt lúc {{time}}, mã thiết bị {{short}}.',
  notEnrolled: 'Thiết bị chưa được kích hoạt: hồ sơ vẫn được lưu trên máy nhưng chưa gửi lên hệ thống.',
  done: 'Đã kích hoạt thiết bị. Các thay đổi đang chờ sẽ được gửi.',
  reEnrol: 'Kích hoạt lại',
  cancel: 'Huỷ',
  needsSignIn:
    'Máy chủ không còn nhận mã truy cập của thiết bị này (đã bị thu hồi hoặc hết hạn). Hãy xin mã kích hoạt mới và kích hoạt lại; dữ liệu trên máy vẫn nguyên vẹn.',
  errors: {
    missing: 'Hãy nhập mã kích hoạt và tên thiết bị.',
    invalidCode: 'Mã kích hoạt không đúng, đã được dùng hoặc đã hết hạn. Hãy xin mã mới từ quản trị viên.',
    offline: 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi bấm Kích hoạt lại.',
    server: 'Máy chủ chưa kích hoạt được (mã lỗi {{status}}). Hãy thử lại sau ít phút.',
    badAnswer: 'Máy chủ trả lời không đúng dạng. Hãy báo quản trị viên.',
  },
};
