// Entry point: language, database persistence, connectivity watch, service worker, then the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyPostponedUpdate, registerServiceWorker } from './service-worker';
import './styles.css';
import { requestPersistentStorage } from '../db';
import { initI18n } from '../i18n';
import { listenForInstallOffer } from '../shared';
import { startBackgroundRefresh, startSyncTriggers, watchCatalogueUpdates, watchConnectivity } from '../sync';
import { catalogueTools } from '../../workers/catalogue.client';

async function start() {
  if (await applyPostponedUpdate()) return; // the page reloads into the new version
  await initI18n();
  listenForInstallOffer();
  void requestPersistentStorage();
  startBackgroundRefresh();
  startSyncTriggers();
  watchCatalogueUpdates(catalogueTools); // seeds the catalogue on first run, then keeps it current
  watchConnectivity();
  registerServiceWorker();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
