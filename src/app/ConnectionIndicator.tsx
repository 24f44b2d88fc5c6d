// The connection light in the header: confirmed by reaching the gateway, not by navigator.onLine.
import { useTranslation } from 'react-i18next';
import { useConnectivity } from '../sync';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectivity((s) => s.state);
  return (
    <p className={`connection connection-${state}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      <span>{t(`connection.${state}`)}</span>
    </p>
  );
}
