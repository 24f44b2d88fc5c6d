// The short name a digitized paper's PDF takes (file name and PDF title) from a catalogue
// component's name, which can run to a paragraph with alternatives and legal references.

const MAX_TITLE = 80;

/** The paper's name up to its first alternative or note, safe as a file name, at most 80 characters. */
export function paperTitle(componentName: string): string {
  const name = componentName.normalize('NFC').replace(/\s+/g, ' ').trim();
  // "Giấy chứng sinh; nếu không có thì …", "Tờ khai … (Mẫu số 01 …) hoặc …": the head names it.
  const head = name.split(/[;(]| hoặc | theo mẫu /)[0]!.trim() || name;
  const printable = [...head].filter((c) => c >= ' ').join('');
  const safe = printable.replace(/[\\/:*?"<>|]+/g, '-').replace(/[.\s-]+$/, '');
  if (safe.length <= MAX_TITLE) return safe || 'Giấy tờ';
  const cut = safe.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).trim();
}
