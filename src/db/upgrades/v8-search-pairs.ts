// FROZEN: the content upgrade of schema v8 (name search by word pairs), exactly as v8 was released.
// It must never change and imports no living code, so a later change to how names are folded or
// paired cannot change what upgrading an old device writes. It adds searchPairs to every dossier.
import type { Transaction } from 'dexie';

interface V7Dossier {
  applicantName?: string;
  searchPairs?: string[];
}

/** At most this many of a name's words are paired (n × (n − 1) entries): names have 2 to 5. */
const MAX_PAIRED_WORDS = 6;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase();

function namePairs(name: string): string[] {
  const words = fold(name.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .slice(0, MAX_PAIRED_WORDS);
  const pairs = new Set<string>();
  words.forEach((a, i) => words.forEach((b, j) => i !== j && pairs.add(`${a} ${b}`)));
  return [...pairs];
}

export async function upgradeToV8(tx: Transaction): Promise<void> {
  await tx
    .table('dossiers')
    .toCollection()
    .modify((row: V7Dossier) => {
      row.searchPairs = namePairs(row.applicantName ?? '');
    });
}
