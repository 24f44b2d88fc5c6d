// Vietnamese text folding for matching: what a villager types without accents, or with an
// old-style tone placement, or with "i" for "y", must still meet the catalogue's spelling.
//
// Written by hand rather than with a library because the rules are small and specific:
// NFD splits a letter from its marks, but đ/Đ are letters of their own with no decomposition,
// so they must be mapped to d explicitly.

// Marks that carry the tone (thanh điệu). The other Vietnamese marks (circumflex U+0302,
// breve U+0306, horn U+031B) make different letters (â ă ê ô ơ ư), not different tones.
const TONE_DIGIT: Readonly<Record<string, string>> = {
  // VNI numbering, so a key reads like what an officer types on a VNI keyboard.
  '\u0301': '1', // sắc
  '\u0300': '2', // huyền
  '\u0309': '3', // hỏi
  '\u0303': '4', // ngã
  '\u0323': '5', // nặng
};

const COMBINING_MARK = /[\u0300-\u036f]/g;
// Ð/ð (Icelandic eth, U+00D0/U+00F0) look identical to Đ/đ and come out of some legacy
// encoding converters, so they are treated as the same letter.
const D_WITH_STROKE = /[đĐðÐ]/g;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * Lower-case, strip every diacritic and map đ to d: "Đăng ký" → "dang ky".
 * Accepts NFC or NFD input (scanners and some keyboards emit NFD).
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARK, '').replace(D_WITH_STROKE, 'd').toLowerCase();
}

/**
 * The i/y spelling rule for one word (already folded, or a tone key's letters).
 *
 * Vietnamese writes some syllables with either letter: kỹ/kĩ, lý/lí, mỹ/mĩ, sỹ/sĩ, công ty/ti,
 * quý/quí (quy định/qui định). Both spellings are in use, so matching maps the y form to i.
 * The rule is deliberately narrow: only a word-final y that follows a consonant, plus "quy"
 * (where the u belongs to the consonant qu). A y after a vowel is part of a different rhyme
 * (tay ≠ tai, thuy ≠ thui, huy ≠ hui) and a lone y ("y tế", "ý kiến") is left alone.
 */
export function normalizeIY(word: string): string {
  if (word.length < 2 || !word.endsWith('y')) return word;
  if (word === 'quy') return 'qui';
  const before = foldVietnamese(word.charAt(word.length - 2));
  if (before < 'a' || before > 'z' || VOWELS.has(before)) return word;
  return `${word.slice(0, -1)}i`;
}

/** Folded form used for matching: fold, then the i/y rule on each word. */
export function foldForMatch(text: string): string {
  return foldVietnamese(text).replace(/[a-z]+/g, normalizeIY);
}

/**
 * Diacritic-preserving key of one word: lower-case letters with their vowel marks kept
 * (â ă ê ô ơ ư đ) and the tone moved to the end as a VNI digit: "hòa" and "hoà" → "hoa2",
 * "chứng" → "chưng1". Old-style ("hoà", "thuỷ") and new-style ("hòa", "thủy") tone placement,
 * NFC and NFD input all give one key, so a query typed with accents can be matched exactly.
 * The i/y rule is applied too: it is a spelling choice, not an accent.
 */
export function toneKey(word: string): string {
  let tone = '';
  let letters = '';
  for (const ch of word.normalize('NFD').toLowerCase()) {
    const digit = TONE_DIGIT[ch];
    if (digit !== undefined) tone = digit;
    else letters += ch;
  }
  const base = normalizeIY(letters.normalize('NFC').replace(/[ðÐ]/g, 'đ'));
  return base + tone;
}

/** True when the text carries any Vietnamese diacritic (or đ): the user typed with accents. */
export function hasDiacritics(text: string): boolean {
  return /[\u0300-\u036fđĐ]/.test(text.normalize('NFD'));
}
