// The officer's sign-in and lock buttons, the language switch and, where the browser offers it, the install button.
import { useTranslation } from 'react-i18next';
import { OfficerTools } from '../features/signin';
import { setLanguage } from '../i18n';
import { promptInstall, useInstall } from '../shared';

export function HeaderTools() {
  const { t, i18n } = useTranslation();
  const offer = useInstall((s) => s.offer);
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <div className="header-tools">
      <OfficerTools />
      {offer && (
        <button type="button" onClick={() => void promptInstall()}>
          {t('install.button')}
        </button>
      )}
      <button type="button" lang={next} onClick={() => void setLanguage(next)} aria-label={`${t('app.language')}: ${t('app.switchTo')}`}>
        {t('app.switchTo')}
      </button>
    </div>
  );
}
