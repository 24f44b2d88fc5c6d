// The dossier's digitized papers, component by component, each openable on screen.
import { useTranslation } from 'react-i18next';
import { readDossierData, RESULT_COMPONENT_INDEX, type AttachmentRow, type DossierRow } from '../../db';
import { formatBytes } from '../../shared';
import { FileButton } from './FileViewer';

export function DossierFiles({ row, attachments }: { row: DossierRow; attachments: AttachmentRow[] }) {
  const { t, i18n } = useTranslation();
  const components = readDossierData(row).procedure?.components ?? [];
  const papers = attachments.filter((a) => a.componentIndex !== RESULT_COMPONENT_INDEX);
  const groups = [...new Set(papers.map((a) => a.componentIndex))].sort((a, b) => a - b);
  return (
    <section className="card" aria-labelledby="files-title">
      <h2 id="files-title">{t('dossiers.files.title')}</h2>
      {groups.length === 0 && <p>{t('dossiers.files.none')}</p>}
      {groups.map((index) => (
        <div key={index} className="file-group">
          <h3>{components[index]?.name ?? t('dossiers.files.component', { n: index + 1 })}</h3>
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
