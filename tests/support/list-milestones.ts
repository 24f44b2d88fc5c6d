// What the dossier list showed at the moment its first row reached the page, so a test can tell
// what the rows waited for (and what they did not).

export interface FirstRowsSeen {
  /** The list's status line ("1 hồ sơ", "Đang đếm…"). */
  status: string;
  /** The "Tất cả" view button: with its count once the view counts are read. */
  allView: string;
  /** How many choices each filter list offered (status, field, procedure). */
  choices: number[];
}

/** Runs in the page before the app (context.addInitScript); the snapshot lands in window.firstRowsSeen. */
export function watchFirstRows() {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.dossier-row a.dossier-code')) return;
    const seen: FirstRowsSeen = {
      status: document.querySelector('.dossier-count')?.textContent ?? '',
      allView: document.querySelector('.view-all')?.textContent ?? '',
      choices: [...document.querySelectorAll<HTMLSelectElement>('.dossier-filters select')].map((s) => s.options.length),
    };
    (window as unknown as { firstRowsSeen: FirstRowsSeen }).firstRowsSeen = seen;
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}
