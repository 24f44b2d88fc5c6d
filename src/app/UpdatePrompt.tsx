// The "new version" prompt. It reloads only when the officer says so and nothing would be lost.
import { useTranslation } from 'react-i18next';
import { applyUpdateNow, postponeUpdate, useUpdate } from './service-worker';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const state = useUpdate((s) => s.state);
  if (state === 'none' || state === 'applying') return null;
  if (state === 'postponed') {
    return (
      <div className="update-prompt" role="status">
        <p>{t('update.postponed')}</p>
      </div>
    );
  }
  return (
    <div className="update-prompt" role="alertdialog" aria-labelledby="update-title" aria-describedby="update-detail">
      <p id="update-title">{t('update.available')}</p>
      {state === 'blocked' && <p id="update-detail">{t('update.blocked')}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={applyUpdateNow}>
          {t('update.apply')}
        </button>
        <button type="button" onClick={postponeUpdate}>
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
