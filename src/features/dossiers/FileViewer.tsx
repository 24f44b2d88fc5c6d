// Opens a stored file (PDF or image) from the device database: an object URL of its blob, shown
// in the page and openable in a new tab, revoked when closed so the memory is given back.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb, readFileBlob, type AttachmentRow } from '../../db';

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
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>();
  useEffect(() => {
    let created: string | undefined;
    let live = true;
    void readFileBlob(getDb(), file.sha256).then((blob) => {
      if (!live) return;
      created = blob ? URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: file.type })) : undefined;
      setUrl(created ?? null);
    });
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [file.sha256, file.type]);

  if (url === undefined) return <span role="status">…</span>;
  if (url === null) return <p className="warning">{t('dossiers.files.missing', { name: file.name })}</p>;
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
