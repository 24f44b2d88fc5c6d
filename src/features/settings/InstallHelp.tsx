// Installing to the home screen: the browser's own offer when it has one, short instructions otherwise.
import { useTranslation } from 'react-i18next';
import { promptInstall, useInstall } from '../../shared';

export function InstallHelp() {
  const { t } = useTranslation();
  const { offer, installed } = useInstall();
  return (
    <section className="card" aria-labelledby="install-title">
      <h2 id="install-title">{t('settings.install.title')}</h2>
      {installed ? (
        <p>{t('settings.install.done')}</p>
      ) : (
        <>
          {offer && (
            <button type="button" className="primary" onClick={() => void promptInstall()}>
              {t('install.button')}
            </button>
          )}
          <p>{t('settings.install.howTo')}</p>
        </>
      )}
    </section>
  );
}
