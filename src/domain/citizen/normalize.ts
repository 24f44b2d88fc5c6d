// Text clean-up shared by the citizen checks: Unicode NFC and whitespace, because scanners,
// input methods and copy-paste all deliver the same Vietnamese text in different byte forms.

// Zero-width characters and the BOM are invisible in the form but break equality and regexes.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, invisible characters removed, every whitespace run (incl. NBSP, tabs) made one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * A person's name as it should be stored and compared: NFC (so "Nguyễn" typed under Unikey,
 * pasted from Word or scanned in NFD all compare equal) and single spaces. Case is kept:
 * the CCCD prints names in capitals and the dossier should match the card.
 */
export function normalizeName(name: string): string {
  return normalizeText(name);
}
