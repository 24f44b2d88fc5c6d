// Vietnamese reading of an amount of money ("Hai trăm nghìn đồng"), required on cash receipts
// (biên lai) next to the amount in figures.
//
// Variant chosen by default: northern/official usage as in most invoice software: "nghìn"
// (not "ngàn"), "linh" (not "lẻ"), "tỷ", "mươi mốt" for 1 after 20+, "mươi tư" for 4 after 20+,
// "lăm" for 5 after any ten ("mười lăm", "hai mươi lăm"). A group after a higher one is read in
// full, with "không trăm" ("một triệu không trăm linh năm nghìn"). "ngàn"/"lẻ" are options.

export interface AmountInWordsOptions {
  thousand?: 'nghìn' | 'ngàn';
  zeroTens?: 'linh' | 'lẻ';
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const BILLION = 1_000_000_000;

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

/** Reads 0-999; `full` = a higher group was read, so hundreds and "linh" are always said. */
function readGroup(n: number, full: boolean, linh: string): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  const saysHundreds = full || h > 0;
  if (saysHundreds) words.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (saysHundreds) words.push(linh);
      words.push(digit(u));
    }
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u)); // "mười một", "mười bốn": no mốt/tư after mười
  } else {
    words.push(digit(t), 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 4) words.push('tư');
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  }
  return words;
}

/** Reads 1 ≤ n < 10^9 as groups of triệu, nghìn and units; skips all-zero groups. */
function readBelowBillion(n: number, started: boolean, options: Required<AmountInWordsOptions>): string[] {
  const groups: [number, string][] = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, options.thousand],
    [n % 1000, ''],
  ];
  const words: string[] = [];
  let full = started;
  for (const [value, scale] of groups) {
    if (value === 0) continue;
    words.push(...readGroup(value, full, options.zeroTens));
    if (scale) words.push(scale);
    full = true;
  }
  return words;
}

/** Above a billion the reading repeats: "một nghìn tỷ", "hai tỷ không trăm linh năm". */
function read(n: number, options: Required<AmountInWordsOptions>): string[] {
  if (n < BILLION) return readBelowBillion(n, false, options);
  const high = Math.floor(n / BILLION);
  const low = n % BILLION;
  return [...read(high, options), 'tỷ', ...(low > 0 ? readBelowBillion(low, true, options) : [])];
}

/** The number alone, lower case: 21 → "hai mươi mốt". */
export function numberToVietnameseWords(n: number, options: AmountInWordsOptions = {}): string {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`amountInWords needs a non-negative whole number of đồng, got ${n}`);
  }
  if (n === 0) return 'không';
  return read(n, { thousand: options.thousand ?? 'nghìn', zeroTens: options.zeroTens ?? 'linh' }).join(' ');
}

/**
 * The amount as written on a receipt: capitalised, followed by "đồng".
 * amountInWords(200000) === 'Hai trăm nghìn đồng'. Throws RangeError on a negative or
 * fractional amount: fees are whole đồng, so that is a programming error, not user input.
 */
export function amountInWords(n: number, options: AmountInWordsOptions = {}): string {
  const words = numberToVietnameseWords(n, options);
  return `${words.charAt(0).toLocaleUpperCase('vi')}${words.slice(1)} đồng`;
}
