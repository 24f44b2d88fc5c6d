// Nhận hồ sơ bổ sung: for each line of Mẫu 02, the paper the citizen brought, captured like every
// paper (camera, camera app or chosen files, through the digitization worker, one PDF per line),
// or a note saying why no copy is kept (an original shown for comparison and handed back).
import { useTranslation } from 'react-i18next';
import type { SupplementItem } from '../../db';
import { PageCapture, paperTitle } from '../../shared';
import { digitizer } from '../../../workers/digitize.client';
import { outliner } from '../../../workers/outline.client';

export function SupplementReceiptEditor({
  lines,
  captureOwner,
  notes,
  onNotes,
}: {
  lines: SupplementItem[];
  captureOwner: string;
  notes: string[];
  onNotes(notes: string[]): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="supplement-receipt">
      <p className="muted">{t('dossiers.supplement.receiptIntro')}</p>
      {lines.map((line, i) => (
        <fieldset key={i} className="supplement-line">
          <legend>{t('dossiers.supplement.line', { n: i + 1, name: line.name })}</legend>
          {line.reason && <p className="muted">{t('dossiers.supplement.reason', { reason: line.reason })}</p>}
          <PageCapture
            digitizer={digitizer}
            outliner={outliner}
            ownerId={captureOwner}
            componentIndex={i}
            title={t('dossiers.supplement.fileTitle', { name: paperTitle(line.name) })}
          />
          <label>
            {t('dossiers.supplement.lineNote', { name: line.name })}
            <input value={notes[i] ?? ''} onChange={(e) => onNotes(lines.map((_, j) => (j === i ? e.target.value : (notes[j] ?? ''))))} />
          </label>
        </fieldset>
      ))}
    </div>
  );
}
