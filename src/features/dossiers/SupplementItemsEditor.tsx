// The lines of Phiếu yêu cầu bổ sung (Mẫu 02): each missing or faulty paper and why, no longer
// and no more of them than the gateway takes.
import { useTranslation } from 'react-i18next';
import type { SupplementItem } from '../../db';
import { MAX_SUPPLEMENT_ITEM_NAME, MAX_SUPPLEMENT_ITEM_REASON, MAX_SUPPLEMENT_LINES } from '../../domain/dossier';

export function SupplementItemsEditor({ items, onChange }: { items: SupplementItem[]; onChange(items: SupplementItem[]): void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<SupplementItem>) => onChange(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  return (
    <fieldset className="supplement-items">
      <legend>{t('dossiers.actions.supplementItems')}</legend>
      {items.map((item, i) => (
        <div key={i} className="supplement-item">
          <label>
            {t('dossiers.actions.itemName', { n: i + 1 })}
            <input value={item.name} maxLength={MAX_SUPPLEMENT_ITEM_NAME} onChange={(e) => set(i, { name: e.target.value })} />
          </label>
          <label>
            {t('dossiers.actions.itemReason', { n: i + 1 })}
            <input value={item.reason} maxLength={MAX_SUPPLEMENT_ITEM_REASON} onChange={(e) => set(i, { reason: e.target.value })} />
          </label>
          {items.length > 1 && (
            <button type="button" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('dossiers.actions.removeItem', { n: i + 1 })}
            </button>
          )}
        </div>
      ))}
      <button type="button" disabled={items.length >= MAX_SUPPLEMENT_LINES} onClick={() => onChange([...items, { name: '', reason: '' }])}>
        {t('dossiers.actions.addItem')}
      </button>
    </fieldset>
  );
}
