// The header's sign-in controls: "Đăng nhập cán bộ" before the device has an officer, then the
// signed-in officer's name with "Đổi người dùng" and "Khóa máy" (both lock; the lock screen chooses).
import { useTranslation } from 'react-i18next';
import { lockDevice } from '../../db';
import { useAccess } from './access-store';
import { useCurrentOfficer, useOfficerCount } from './use-officer';

export function OfficerTools() {
  const { t } = useTranslation();
  const officers = useOfficerCount();
  const officer = useCurrentOfficer();
  const show = useAccess((s) => s.show);
  if (officers === undefined) return null;
  if (officers === 0 || !officer) {
    return (
      <button type="button" onClick={() => show('password')}>
        {t('access.signIn')}
      </button>
    );
  }
  return (
    <>
      <span className="officer-name">{t('access.officer', { name: officer.fullName })}</span>
      <button type="button" onClick={lockDevice}>
        {t('access.switchUser')}
      </button>
      <button type="button" onClick={lockDevice}>
        {t('access.lock')}
      </button>
    </>
  );
}
