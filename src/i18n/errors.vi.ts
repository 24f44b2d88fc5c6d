// Vietnamese texts of errors: `quota` and `generic` for any failure, then one text per error code
// (MotcuaError.code, nested at its dots), shown where the error is shown (src/shared/lib/error-text.ts).
// A {{value}} is filled from the error's params; a text whose values the error lacks is not used.
/**
 * The two texts the screens name directly. Only these ride in the first screen's Vietnamese
 * messages: every coded error already carries its Vietnamese message, which error-text.ts shows
 * when the language has no text for the code, so the dictionary below is needed in English only.
 */
export const errorsShownVi = {
  quota: 'Bộ nhớ thiết bị đã đầy nên không lưu được. Dữ liệu cũ vẫn an toàn. Hãy đồng bộ, hoặc Sao lưu ra tệp (trong Cài đặt), rồi xoá bớt tệp.',
  generic: 'Đã có lỗi: {{reason}}',
};

/** Every code's text in Vietnamese: the shape the English dictionary follows (and its reviewers read). */
export const errorsVi = {
  ...errorsShownVi,
  write_failed: 'Không ghi được thay đổi trên máy; chưa có gì thay đổi.',
  intake: {
    reason_too_long: 'Lý do từ chối quá dài ({{length}} ký tự, tối đa {{max}}): rút gọn lại.',
    no_commune: 'Thiết bị chưa tải thông tin xã: hãy kết nối mạng một lần.',
    open_failed: 'Không lập được hồ sơ.',
    refuse_failed: 'Không ghi được việc từ chối tiếp nhận.',
    pdf_pending: 'Giấy tờ vừa chụp đang được xử lý hoặc ghép thành PDF: chờ xử lý xong (và quyết định các trang cần xem lại) rồi bấm lại.',
  },
  draft: { gone: 'Bản nháp không còn trên máy (đã được tiếp nhận hoặc đã xoá).' },
  officer: {
    pin_format: 'Mã PIN gồm đúng 6 chữ số.',
    no_master_key: 'Máy chưa được mở khóa: hãy đăng nhập bằng mật khẩu.',
    unknown: 'Cán bộ này chưa đăng nhập trên máy.',
    lock_after: 'Thời gian tự khóa là từ 1 đến 240 phút.',
    escrow_unavailable: 'Máy chủ chưa trả khóa dự phòng của máy (mã lỗi {{status}}).',
    escrow_mismatch: 'Khóa dự phòng trên máy chủ không mở được dữ liệu của máy này. Hãy báo quản trị viên.',
    escrow_bad_answer: 'Khóa dự phòng máy chủ trả về không đúng dạng.',
  },
  code_reserve: {
    unavailable: 'Không lấy được số hồ sơ trên máy này.',
    provisional_exhausted: 'Đã dùng hết số hồ sơ tạm của hôm nay trên máy này: hãy kết nối mạng để nhận thêm số.',
  },
  dossier: {
    not_found: 'Không tìm thấy hồ sơ trên máy.',
    not_on_server: 'Không tìm thấy hồ sơ trên máy chủ (hồ sơ chưa được gửi lên, hoặc đã bị từ chối khi đồng bộ).',
    wrong_status: 'Trạng thái của hồ sơ gửi lên không đúng với thao tác.',
    other_commune: 'Hồ sơ này được lập cho một xã khác với xã của thiết bị.',
    id_taken: 'Mã định danh hồ sơ đã được dùng cho một hồ sơ khác trên máy chủ.',
    code_invalid: 'Mã hồ sơ không đúng dạng hoặc không khớp với đơn vị, ngày tiếp nhận.',
    code_out_of_range: 'Số hồ sơ không thuộc dải số máy chủ đã cấp cho thiết bị này.',
    numbers_exhausted: 'Đơn vị đã dùng hết số hồ sơ của ngày; không cấp được mã chính thức.',
    refusal_reason_required: 'Hồ sơ từ chối tiếp nhận phải ghi rõ lý do từ chối.',
  },
  note: { too_long: 'Nội dung ghi quá dài ({{length}} ký tự, tối đa {{max}}): rút gọn lại.' },
  receive: { no_processing_time: 'Chưa biết thời hạn giải quyết của thủ tục này.' },
  // The state machine's refusals (src/domain/dossier/status.ts). An action's and a status's names are
  // the desk's own words (dossiers.actions, dossiers.status), nested by code: every area that can
  // meet these errors loads the dossiers messages (src/app/routes.ts).
  lookup_code: { format: 'Mã tra cứu gồm 10 ký tự chữ và số, dạng XXXXX-XXXXX.' },
  status: {
    illegal_transition: 'Không thể "$t(dossiers.actions.{{action}})" khi hồ sơ đang ở trạng thái "$t(dossiers.status.{{status}})".',
    supplement_already_requested: 'Hồ sơ đã được yêu cầu bổ sung một lần; không được yêu cầu bổ sung quá 1 lần.',
    note_required: 'Cần ghi rõ lý do / nội dung khi "$t(dossiers.actions.{{action}})".',
    appointment_required: 'Cần có ngày hẹn trả khi tiếp nhận hồ sơ.',
    invalid_time: 'Thời điểm thao tác không hợp lệ.',
    bad_extension: 'Không tính được ngày hẹn trả mới.',
    role_not_allowed: '$t(dossiers.roles.{{role}}) không được thực hiện thao tác "$t(dossiers.actions.{{action}})".',
  },
  supplement: {
    items_required: 'Ghi rõ từng giấy tờ cần bổ sung và lý do.',
    too_many_items: 'Một phiếu yêu cầu bổ sung ghi tối đa {{max}} giấy tờ.',
    item_too_long: 'Giấy tờ thứ {{line}} ghi quá dài (tên tối đa {{maxName}} ký tự, lý do tối đa {{maxReason}} ký tự): rút gọn lại.',
    pdf_pending: 'Tệp PDF của giấy tờ bổ sung đang được ghép: chờ vài giây rồi bấm lại.',
    file_missing: 'Tệp {{name}} không còn trên máy: chụp lại giấy tờ này.',
  },
  rating: {
    not_returned: 'Chỉ đánh giá khi đã trả kết quả.',
    already: 'Hồ sơ này đã được đánh giá.',
    value_invalid: 'Mức đánh giá không hợp lệ.',
    reason_required: 'Xin cho biết lý do không hài lòng.',
    reason_too_long: 'Lý do dài quá {{max}} ký tự.',
  },
  result: {
    not_allowed: 'Chỉ đính kèm kết quả khi hồ sơ đang xử lý hoặc đã có kết quả.',
    pdf_pending: 'Giấy tờ kết quả đang được xử lý hoặc ghép thành PDF: chờ xử lý xong rồi bấm lại.',
    nothing_captured: 'Chưa có trang nào của giấy tờ kết quả.',
    file_missing: 'Tệp {{name}} không còn trên máy.',
  },
  file: {
    type: 'Tệp không phải PDF hợp lệ.',
    size: 'Tệp quá lớn.',
    empty: 'Tệp rỗng.',
    not_pdf: 'Giấy tờ kết quả phải là tệp PDF: ảnh chụp cần được số hóa trước.',
    // From the gateway, which sends the code without the file's name.
    not_uploaded: 'Máy chủ chưa nhận được một tệp của thay đổi: tệp phải được gửi lên trước. Hãy đồng bộ lại khi có mạng.',
    size_mismatch: 'Một tệp trên máy chủ khác kích thước đã khai báo.',
    fetch_offline: 'Máy đang mất kết nối: chưa tải được giấy tờ này từ máy chủ. Thử lại khi có mạng.',
    fetch_failed: 'Máy chủ chưa trả được giấy tờ này (mã {{status}}).',
    fetch_damaged: 'Giấy tờ tải về không khớp với bản đã nộp (hỏng trên đường truyền). Thử lại.',
  },
  // The gateway's refusals of a change sent from this device (server/sync/rejection.ts).
  entry: {
    refused: 'Máy chủ từ chối thay đổi này.',
    invalid_fields: 'Thay đổi gửi lên thiếu hoặc sai thông tin.',
    entity_mismatch: 'Mã định danh của thay đổi không khớp với hồ sơ.',
    malformed: 'Thay đổi gửi lên không đúng dạng; thay đổi không được ghi.',
    unsupported_kind: 'Máy chủ chưa hỗ trợ loại thay đổi này.',
    reused_number: 'Số thứ tự thay đổi này đã được dùng cho một thay đổi khác trên máy chủ. Hãy báo cho quản trị viên.',
    data_refused: 'Máy chủ không ghi được thay đổi này vì dữ liệu trùng hoặc không hợp lệ.',
    clock_future: 'Thời điểm của thay đổi ở tương lai: hãy kiểm tra ngày giờ của thiết bị.',
    clock_past: 'Thời điểm của thay đổi quá sớm: hãy kiểm tra ngày giờ của thiết bị.',
    batch_refused: 'Máy chủ từ chối cả lô thay đổi.',
  },
  vault: {
    locked: 'Máy đang khóa: mở khóa bằng mã PIN để xem hoặc sửa dữ liệu của công dân.',
    wrong_key: 'Khóa dữ liệu không đúng với khóa của máy này.',
    unreadable: 'Dữ liệu mã hóa trên máy không đọc được (sai khóa hoặc đã hỏng).',
    not_set_up: 'Máy này chưa thiết lập mã hóa dữ liệu.',
  },
  device: { no_commune: 'Xã của thiết bị không còn trên máy chủ.' },
  sync: {
    send_offline: 'Mất kết nối khi gửi ({{detail}})',
    server_status: 'Máy chủ trả lời {{status}}',
    no_answer: 'Máy chủ không trả lời cho lô này',
    signed_out: 'Máy chủ không nhận mã truy cập của thiết bị (đã bị thu hồi hoặc hết hạn): hãy kích hoạt lại thiết bị.',
    not_enrolled: 'Thiết bị chưa được kích hoạt: hãy kích hoạt thiết bị trên trang Đồng bộ.',
    check_offline: 'Mất kết nối khi kiểm tra tệp ({{detail}}).',
    check_status: 'Máy chủ trả lời {{status}} khi kiểm tra tệp.',
    upload_offline: 'Mất kết nối khi gửi tệp ({{detail}}).',
    upload_status: 'Máy chủ trả lời {{status}} khi nhận tệp.',
    upload_damaged: 'Tệp bị hỏng trên đường truyền; sẽ gửi lại.',
    pull_signed_out: 'Phiên làm việc đã hết hạn: hãy kích hoạt lại thiết bị / đăng nhập lại.',
    pull_malformed: 'Dữ liệu nhận từ máy chủ không hợp lệ ({{problem}}); máy chưa ghi thay đổi nào từ lần nhận này.',
    pull_refused: 'Máy chủ từ chối cho nhận thay đổi ({{status}}).',
    pull_write_failed: 'Không ghi được thay đổi nhận từ máy chủ vào máy ({{problem}}); sẽ thử lại.',
  },
  transition: {
    phone_not_allowed: 'Chỉ phiếu yêu cầu bổ sung mới được kèm số điện thoại của cán bộ.',
    illegal: 'Thao tác không hợp lệ với trạng thái hiện tại của hồ sơ.',
    leader_sign_in: 'Thao tác với vai trò lãnh đạo cần cán bộ đó đăng nhập trên thiết bị.',
    papers_not_allowed: 'Thao tác này không được kèm giấy tờ hoặc danh sách giấy tờ.',
  },
};
