// The header's sign-in controls: "Đăng nhập cán bộ" before the device has an officer, then the
// signed-in officer's name with "Đổi người dùng" and "Khóa máy" (both lock; the lock screen chooses).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb, lockDevice, sealExistingData, type SealProgress } from '../../db';
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
      <SealingProgress />
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

/**
 * The first set-up's sealing of the data already on the device (issue 13 item 5), while it runs:
 * it goes on in the background, and at the next unlock if the tab was closed half-way.
 */
function SealingProgress() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<SealProgress>();
  useEffect(() => {
    let live = true;
    // Joins the running walk, or answers at once when everything is sealed; a device without a vault has nothing to show.
    sealExistingData(getDb(), (p) => live && setProgress(p))
      .then((p) => live && setProgress(p))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!progress || progress.done >= progress.total) return null;
  return <span role="status">{t('access.sealing', { done: progress.done, total: progress.total })}</span>;
}
