// A full device during intake (issue 14 item 3): says the draft is kept, and offers the way out,
// a backup to a file (Cài đặt → Sao lưu ra tệp), beside syncing.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export function QuotaProblem({ receiving = false }: { receiving?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="error" role="alert">
      {receiving ? t('intake.quota.notReceived') : t('intake.quota.notSaved')} {/* "~": the intake's routes are nested; the settings page is at the root. */}
      <Link href="~/cai-dat#sao-luu">{t('intake.quota.backup')}</Link>
    </p>
  );
}
