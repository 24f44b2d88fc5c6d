// Spotting a name mangled by a Vietnamese input method left in the wrong mode: Telex keystrokes
// typed as plain letters ("NGUYEENX VAWN") or VNI digits ("Nguye6n Va8n"). The desk is warned,
// not refused, and shown the spelling the keystrokes meant ("NGUYỄN VĂN").
//
// Each word is read as a Vietnamese syllable (initial consonant + rhyme from a closed list). A
// word that is not one as typed, but becomes one once its keystrokes are decoded, is a mangled
// word. Since one such word can be a foreign name ("Lee" reads as Telex for "Lê"), the whole
// name must read as Vietnamese and the evidence be enough (see `Decoded.evidence`), or the slip
// sit beside words typed with marks.

/** What a mangled name most likely meant, in the same capitals as typed. */
export interface MangledNameHint {
  readonly suggestion: string;
}

const byLengthDown = (a: string, b: string) => b.length - a.length;
const INITIALS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'q',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
].sort(byLengthDown);

// Every rhyme (vần) of Vietnamese, without tone. Rhymes after "qu"/"gi" are found by also trying
// "q" + "u…" and "g" + "i…", so "quynh" is q + uynh and "giêng" is g + iêng.
const RHYMES = new Set(
  `a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
   e eo ec em en eng ep et ê êu êch êm ên ênh êp êt i ia iu ich im in inh ip it
   iêc iêm iên iêng iêp iêt iêu y yêm yên yêng yêt yêu
   o oi oc om on ong op ot ooc oong oa oai oao oay oac oach oam oan oang oanh oap oat
   oăc oăm oăn oăng oăt oe oeo oen oet ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
   u ua ui uc um un ung up ut uân uâng uât uây uê uêch uênh uôc uôi uôm uôn uông uôt uơ
   uy uya uych uyên uyêt uynh uyt uyu ư ưa ưi ưu ưc ưm ưn ưng ưt
   ươc ươi ươm ươn ương ươp ươt ươu`.split(/\s+/),
);

const VOWELS = new Set([...'aăâeêioôơuưy']);
const MARKED_VOWELS = new Set([...'ăâêôơư']);
const STOP_FINALS = ['c', 'ch', 'p', 't'];

// Tone marks as combining characters, indexed by the Telex key and the VNI digit.
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const TELEX_TONES: Record<string, string> = { s: ACUTE, f: GRAVE, r: HOOK, x: TILDE, j: DOT };
const VNI_TONES: Record<string, string> = { '1': ACUTE, '2': GRAVE, '3': HOOK, '4': TILDE, '5': DOT };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

const CIRCUMFLEX: Record<string, string> = { a: 'â', e: 'ê', o: 'ô' };
const HORN_OR_BREVE: Record<string, string> = { a: 'ă', o: 'ơ', u: 'ư' };

/** Strips the letters' own marks too: "ương" → "uong", so plain-ASCII names can be checked. */
const plain = (text: string) => text.replace(/đ/g, 'd').normalize('NFD').replace(/\p{M}/gu, '');
const PLAIN_RHYMES = new Set([...RHYMES].map(plain));

interface Letter {
  ch: string;
  upper: boolean;
}

interface Syllable {
  initial: string;
  rhyme: string;
}

/** `initials` longest first, so "qu" + "y" wins over "q" + "uy" and the tone lands on "y". */
function parseSyllable(word: string, rhymes: ReadonlySet<string>, initials: readonly string[]): Syllable | undefined {
  for (const initial of initials) {
    if (!word.startsWith(initial)) continue;
    const rhyme = word.slice(initial.length);
    if (rhymes.has(rhyme)) return { initial, rhyme };
  }
  return undefined;
}

const PLAIN_INITIALS = [...new Set(INITIALS.map(plain))].sort(byLengthDown);

/** Is the word, as typed, a Vietnamese syllable written without marks ("Nguyen", "Quang")? */
function isPlainSyllable(word: string): boolean {
  return parseSyllable(word, PLAIN_RHYMES, PLAIN_INITIALS) !== undefined;
}

/** Index in the rhyme of the vowel that carries the tone (the older placement: "hòa", "thủy"). */
function toneIndex(rhyme: string): number {
  const chars = [...rhyme];
  let end = 0;
  while (end < chars.length && VOWELS.has(chars[end]!)) end++;
  for (let i = end - 1; i >= 0; i--) if (MARKED_VOWELS.has(chars[i]!)) return i;
  if (end < chars.length || end === 1) return end - 1;
  return end >= 3 ? 1 : 0;
}

/** The decoded letters as a syllable with its tone, or undefined when they are not one. */
function compose(letters: Letter[], tone: string | undefined): string | undefined {
  const lower = letters.map((l) => l.ch).join('');
  const syllable = parseSyllable(lower, RHYMES, INITIALS);
  if (!syllable) return undefined;
  const final = syllable.rhyme.replace(/^[aăâeêioôơuưy]+/u, '');
  if (STOP_FINALS.includes(final) && tone !== undefined && tone !== ACUTE && tone !== DOT) return undefined;
  const at = syllable.initial.length + toneIndex(syllable.rhyme);
  return letters
    .map((l, i) => {
      const ch = i === at && tone ? (l.ch + tone).normalize('NFC') : l.ch;
      return l.upper ? ch.toLocaleUpperCase('vi') : ch;
    })
    .join('');
}

/** Position of the vowel a late modifier key acts on: the last vowel before any final consonant. */
function lastVowel(letters: Letter[], accept: (ch: string) => boolean): number {
  for (let i = letters.length - 1; i >= 0; i--) {
    const ch = letters[i]!.ch;
    if (accept(ch)) return i;
    if (VOWELS.has(ch)) return -1;
  }
  return -1;
}

/** Turns "uo" into "ươ" (both keys give the horn to both vowels), else the one vowel. */
function addHorn(letters: Letter[], at: number): void {
  const ch = letters[at]!.ch;
  letters[at]!.ch = HORN_OR_BREVE[ch]!;
  if (ch === 'o' && letters[at - 1]?.ch === 'u') letters[at - 1]!.ch = 'ư';
}

interface Decoded {
  text: string;
  /**
   * How surely the keys were marks: a tone key or a doubled vowel (aa, ee, oo) counts one, as
   * English and Korean names have them too ("Lee", "Moon", "Hans"); w and dd count two, as no
   * other language writes "Vawn" or "Dduwc".
   */
  evidence: number;
}

function decodeTelex(word: string): Decoded | undefined {
  const letters: Letter[] = [];
  let tone: string | undefined;
  let evidence = 0;
  for (const c of word) {
    const l = c.toLowerCase();
    const upper = c !== l;
    const last = letters.at(-1);
    const vowelSeen = letters.some((x) => VOWELS.has(x.ch));
    if (l === 'd' && letters.length === 1 && last!.ch === 'd') {
      last!.ch = 'đ';
      evidence += 2;
    } else if (CIRCUMFLEX[l] && last?.ch === l) {
      last.ch = CIRCUMFLEX[l];
      evidence += 1;
    } else if (l === 'w') {
      const at = lastVowel(letters, (ch) => ch in HORN_OR_BREVE);
      if (at >= 0) addHorn(letters, at);
      else if (!vowelSeen) letters.push({ ch: 'ư', upper });
      else return undefined;
      evidence += 2;
    } else if (TELEX_TONES[l] && vowelSeen) {
      if (tone) return undefined;
      tone = TELEX_TONES[l];
      evidence += 1;
    } else {
      letters.push({ ch: l, upper });
    }
  }
  if (evidence === 0) return undefined;
  const text = compose(letters, tone);
  return text === undefined ? undefined : { text, evidence };
}

function decodeVni(word: string): Decoded | undefined {
  const letters: Letter[] = [];
  let tone: string | undefined;
  for (const c of word) {
    const l = c.toLowerCase();
    const vowelSeen = letters.some((x) => VOWELS.has(x.ch));
    if (VNI_TONES[l]) {
      if (tone || !vowelSeen) return undefined;
      tone = VNI_TONES[l];
    } else if (l === '6' || l === '7' || l === '8') {
      const accept = l === '6' ? (ch: string) => ch in CIRCUMFLEX : l === '7' ? (ch: string) => ch === 'o' || ch === 'u' : (ch: string) => ch === 'a';
      const at = lastVowel(letters, accept);
      if (at < 0) return undefined;
      if (l === '6') letters[at]!.ch = CIRCUMFLEX[letters[at]!.ch]!;
      else addHorn(letters, at);
    } else if (l === '9') {
      if (letters.length !== 1 || letters[0]!.ch !== 'd') return undefined;
      letters[0]!.ch = 'đ';
    } else if (/[a-z]/.test(l)) {
      letters.push({ ch: l, upper: c !== l });
    } else {
      return undefined;
    }
  }
  const text = compose(letters, tone);
  // Digits never belong in a name, so one VNI word is enough on its own.
  return text === undefined ? undefined : { text, evidence: 2 };
}

type WordReading = { kind: 'as-typed' } | { kind: 'marked' } | { kind: 'telex'; decoded: Decoded } | { kind: 'vni'; decoded: Decoded } | { kind: 'foreign' };

function readWord(word: string): WordReading {
  if (/^[a-z]+$/i.test(word)) {
    if (isPlainSyllable(word.toLowerCase())) return { kind: 'as-typed' };
    const decoded = decodeTelex(word);
    return decoded ? { kind: 'telex', decoded } : { kind: 'foreign' };
  }
  if (/^[a-z0-9]+$/i.test(word) && /[a-z]/i.test(word)) {
    const decoded = decodeVni(word);
    return decoded ? { kind: 'vni', decoded } : { kind: 'foreign' };
  }
  // Typed with Vietnamese marks: the input method worked for this word.
  const base = word.toLowerCase().normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
  return /^[a-zăâđêôơư]+$/u.test(base) ? { kind: 'marked' } : { kind: 'foreign' };
}

/**
 * A hint when `name` looks typed with a Vietnamese input method in the wrong mode; undefined for
 * a name that reads as typed (with or without marks) or that is not Vietnamese.
 */
export function detectMangledName(name: string): MangledNameHint | undefined {
  const words = name
    .normalize('NFC')
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const readings = words.map(readWord);
  if (readings.some((r) => r.kind === 'foreign')) return undefined;
  const evidence = readings.reduce((sum, r) => sum + (r.kind === 'telex' || r.kind === 'vni' ? r.decoded.evidence : 0), 0);
  if (evidence === 0) return undefined;
  // A word typed with marks shows an input method was at hand: then one slip is enough.
  const marked = readings.some((r) => r.kind === 'marked');
  if (evidence < 2 && !marked) return undefined;
  const suggestion = readings.map((r, i) => (r.kind === 'telex' || r.kind === 'vni' ? r.decoded.text : words[i]!)).join(' ');
  return { suggestion };
}
