// Opens a stored file (PDF or image) from the device database: an object URL of its blob, shown
// in the page and openable in a new tab, revoked when closed so the memory is given back. A paper
// of a dossier another device made is fetched from the gateway on first opening (src/sync).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb, type AttachmentRow } from '../../db';
import { errorText } from '../../shared';
import { fetchPaper } from '../../sync';

export function FileButton({ file }: { file: AttachmentRow }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('dossiers.files.close') : t('dossiers.files.open', { name: file.name })}
      </button>
      {open && <FileViewer file={file} />}
    </>
  );
}

function FileViewer({ file }: { file: AttachmentRow }) {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useState<string | null>();
  const [problem, setProblem] = useState<string>();
  const { sha256, type, name, size } = file;
  useEffect(() => {
    let created: string | undefined;
    let live = true;
    fetchPaper(getDb(), { sha256, type, name, size }).then(
      (blob) => {
        if (!live) return;
        created = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type }));
        setUrl(created);
      },
      (error: unknown) => {
        if (!live) return;
        setProblem(errorText(error, i18n));
        setUrl(null);
      },
    );
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [sha256, type, name, size, i18n]);

  if (url === undefined) return <span role="status">…</span>;
  if (url === null)
    return (
      <p className="warning" role="alert">
        {t('dossiers.files.missing', { name: file.name })} {problem}
      </p>
    );
  return (
    <div className="file-viewer">
      {file.type === 'application/pdf' ? (
        <iframe src={url} title={t('dossiers.files.viewer', { name: file.name })} />
      ) : (
        <img src={url} alt={t('dossiers.files.viewer', { name: file.name })} />
      )}
      <a href={url} target="_blank" rel="noopener">
        {t('dossiers.files.openNewTab')}
      </a>
    </div>
  );
}
