// CRC-16/CCITT-FALSE, the checksum in field 63 of every EMVCo (and so VietQR) payload.

const encoder = new TextEncoder();

/**
 * Poly 0x1021, init 0xFFFF, no reflection, no final XOR, over the UTF-8 bytes of `text`.
 * Returns 4 upper-case hex digits, as field 63 wants: crc16CcittFalse('123456789') === '29B1'.
 */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of encoder.encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
