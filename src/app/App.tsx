// Routes of the shell: one page per area, "/" opens the procedure search.
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch } from 'wouter';
import { AccessGate } from '../features/signin';
import { PageHeader } from '../shared';
import { Layout } from './Layout';
import { areas, homePath, teamHomePath } from './routes';
import { useDeviceRole } from './use-device-role';

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.notFound.title')} />
      <Link href={homePath}>{t('pages.notFound.back')}</Link>
    </>
  );
}

export function App() {
  const role = useDeviceRole();
  // Once an officer has signed in on this device, the gate renders no route until one unlocks.
  return (
    <AccessGate>
      <Layout>
        <Switch>
          <Route path="/">
            {/* A team tablet opens on filing; until the role is read, nothing is decided. */}
            {role && <Redirect to={role === 'team' ? teamHomePath : homePath} replace />}
          </Route>
          {areas.map(({ path, page: Page }) => (
            <Route key={path} path={path} nest>
              <Page />
            </Route>
          ))}
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Layout>
    </AccessGate>
  );
}
