// The 34 provinces since 1 July 2025 (Nghị quyết 202/2025/QH15), by their 2-digit NSO code, as
// printed at the head of a commune's papers ("UBND TỈNH LÀO CAI").
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '01': 'Thành phố Hà Nội',
  '04': 'Tỉnh Cao Bằng',
  '08': 'Tỉnh Tuyên Quang',
  '11': 'Tỉnh Điện Biên',
  '12': 'Tỉnh Lai Châu',
  '14': 'Tỉnh Sơn La',
  '15': 'Tỉnh Lào Cai',
  '19': 'Tỉnh Thái Nguyên',
  '20': 'Tỉnh Lạng Sơn',
  '22': 'Tỉnh Quảng Ninh',
  '24': 'Tỉnh Bắc Ninh',
  '25': 'Tỉnh Phú Thọ',
  '31': 'Thành phố Hải Phòng',
  '33': 'Tỉnh Hưng Yên',
  '37': 'Tỉnh Ninh Bình',
  '38': 'Tỉnh Thanh Hóa',
  '40': 'Tỉnh Nghệ An',
  '42': 'Tỉnh Hà Tĩnh',
  '44': 'Tỉnh Quảng Trị',
  '46': 'Thành phố Huế',
  '48': 'Thành phố Đà Nẵng',
  '51': 'Tỉnh Quảng Ngãi',
  '52': 'Tỉnh Gia Lai',
  '56': 'Tỉnh Khánh Hòa',
  '66': 'Tỉnh Đắk Lắk',
  '68': 'Tỉnh Lâm Đồng',
  '75': 'Tỉnh Đồng Nai',
  '79': 'Thành phố Hồ Chí Minh',
  '80': 'Tỉnh Tây Ninh',
  '82': 'Tỉnh Đồng Tháp',
  '86': 'Tỉnh Vĩnh Long',
  '91': 'Tỉnh An Giang',
  '92': 'Thành phố Cần Thơ',
  '96': 'Tỉnh Cà Mau',
};

export function provinceName(code: string): string | undefined {
  return PROVINCE_NAMES[code];
}
