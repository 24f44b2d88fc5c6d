// An MSB-first bit writer into a growing byte buffer, for the fax coder.

export class BitWriter {
  private bytes: Uint8Array;
  private length = 0;
  private acc = 0;
  private bits = 0;

  constructor(initialBytes = 4096) {
    this.bytes = new Uint8Array(initialBytes);
  }

  /** Writes the low `count` bits of `value`, most significant first (count ≤ 24). */
  write(value: number, count: number): void {
    this.acc = ((this.acc << count) | (value & ((1 << count) - 1))) >>> 0;
    this.bits += count;
    while (this.bits >= 8) {
      this.bits -= 8;
      this.push((this.acc >>> this.bits) & 0xff);
    }
    this.acc &= (1 << this.bits) - 1;
  }

  /** Pads the last byte with zero bits and returns the bytes written. */
  finish(): Uint8Array {
    if (this.bits > 0) {
      this.push((this.acc << (8 - this.bits)) & 0xff);
      this.bits = 0;
      this.acc = 0;
    }
    return this.bytes.slice(0, this.length);
  }

  private push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }
}

/** A code word as (value, length) for the writer, parsed once from its bit string. */
export interface Code {
  value: number;
  length: number;
}

export function toCode(bits: string): Code {
  return { value: parseInt(bits, 2), length: bits.length };
}
