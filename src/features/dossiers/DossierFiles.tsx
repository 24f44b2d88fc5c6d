// The dossier's digitized papers, component by component, then the papers brought for its
// supplement request line by line, each openable on screen.
import { useTranslation } from 'react-i18next';
import { readDossierData, RESULT_COMPONENT_INDEX, supplementItemOf, type AttachmentRow, type DossierRow } from '../../db';
import { formatBytes } from '../../shared';
import { supplementLines } from './actions';
import { FileButton } from './FileViewer';

export function DossierFiles({ row, attachments }: { row: DossierRow; attachments: AttachmentRow[] }) {
  const { t, i18n } = useTranslation();
  const components = readDossierData(row).procedure?.components ?? [];
  const papers = attachments.filter((a) => a.componentIndex !== RESULT_COMPONENT_INDEX);
  // Components first (0, 1, …), then the supplement's lines in their Mẫu 02 order (-2, -3, …).
  const order = (index: number) => supplementItemOf(index) ?? index - 1_000_000;
  const groups = [...new Set(papers.map((a) => a.componentIndex))].sort((a, b) => order(a) - order(b));
  const heading = (index: number) => {
    const item = supplementItemOf(index);
    if (item !== null) return t('dossiers.files.supplement', { name: supplementLines(row)[item]?.name ?? item + 1 });
    return components[index]?.name ?? t('dossiers.files.component', { n: index + 1 });
  };
  return (
    <section className="card" aria-labelledby="files-title">
      <h2 id="files-title">{t('dossiers.files.title')}</h2>
      {groups.length === 0 && <p>{t('dossiers.files.none')}</p>}
      {groups.map((index) => (
        <div key={index} className="file-group">
          <h3>{heading(index)}</h3>
          <ul className="row-list">
            {papers
              .filter((a) => a.componentIndex === index)
              .map((a) => (
                <li key={a.id}>
                  <span>
                    {a.name} <span className="muted">({formatBytes(a.size, i18n.language)})</span>
                  </span>
                  <FileButton file={a} />
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
