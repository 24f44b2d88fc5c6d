// The shell around every page: header with connection and pending count, navigation, main area.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ConnectionIndicator } from './ConnectionIndicator';
import { HeaderTools } from './HeaderTools';
import { PendingCount } from './PendingCount';
import { UpdatePrompt } from './UpdatePrompt';
import { areasFor } from './routes';
import { useDeviceRole } from './use-device-role';

// Notices about the device's data (lost database, storage, old unsent work): their own chunk, after the first screen.
const SafekeepingNotices = lazy(async () => ({ default: (await import('../features/safekeeping')).SafekeepingNotices }));

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const role = useDeviceRole();
  useEffect(() => {
    // Benchmarks measure time to a usable shell from this mark.
    performance.mark('motcua:shell-ready');
  }, []);
  return (
    <div className={role === 'team' ? 'shell team-mode' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </Link>
        <ConnectionIndicator />
        <PendingCount />
        <HeaderTools />
      </header>
      <nav className="app-nav" aria-label={t('app.mainNav')}>
        <ul>
          {(role ? areasFor(role) : []).map((area) => (
            <li key={area.path}>
              <Link href={area.path} aria-current={location.startsWith(area.path) ? 'page' : undefined}>
                {t(area.labelKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={null}>
        <SafekeepingNotices />
      </Suspense>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">…</p>}>{children}</Suspense>
      </main>
      <UpdatePrompt />
    </div>
  );
}
