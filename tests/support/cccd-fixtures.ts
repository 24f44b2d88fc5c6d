// Sample (fake) citizen ID card QR texts for tests and benchmarks, in the de-facto format of
// DOMAIN.md §7. No real person: the ID numbers only have a valid structure.

/** The DOMAIN.md example: 7 fields, no old ID. */
export const sampleCccdText = '001099000001||NGUYỄN VĂN MẪU|15031999|Nam|Số 1 Đường Thử Nghiệm, Phường Mẫu, Thành phố Hà Nội|01072021';

/** A woman born in the 2000s (G = 3), with an old 9-digit CMND number. */
export const sampleCccdTextWithOldId = '038303000123|173456789|LÒ THỊ MAI|02112003|Nữ|Bản Phiêng, Xã Mường Lý, Tỉnh Thanh Hóa|20062021';

/** A bank transfer code (VietQR / EMVCo) that an officer might scan by mistake. */
export const sampleVietQrText = '00020101021138540010A00000072701240006970436011012345678900208QRIBFTTA53037045802VN6304ABCD';
