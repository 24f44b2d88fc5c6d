// Entry point: language, connectivity watch, service worker, then the shell (which asks for persistent storage once there is work to keep).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyPostponedUpdate, registerServiceWorker } from './service-worker';
import './styles.css';
import { initI18n } from '../i18n';
import { listenForInstallOffer } from '../shared';
import { startBackgroundRefresh, startSyncTriggers, watchCatalogueUpdates, watchConnectivity } from '../sync';
import { catalogueTools } from '../../workers/catalogue.client';
import { preloadPageAt } from './routes';

async function start() {
  // The code of the page the app opens on loads alongside the rest of the start, so the page is
  // often ready for the shell's first render. A failure is left to the page, which shows it.
  void preloadPageAt(location.pathname).catch(() => undefined);
  if (await applyPostponedUpdate()) return; // the page reloads into the new version
  await initI18n();
  listenForInstallOffer();
  startBackgroundRefresh();
  startSyncTriggers();
  watchCatalogueUpdates(catalogueTools); // seeds the catalogue on first run, then keeps it current
  watchConnectivity();
  void registerServiceWorker();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
