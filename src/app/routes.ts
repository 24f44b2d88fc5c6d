// The areas of the app, in the order the navigation shows them; each page loads on first visit.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Messages } from '../i18n';

export interface AreaRoute {
  path: string;
  labelKey: `nav.${keyof Messages['nav']}`;
  page: LazyExoticComponent<ComponentType>;
}

export const areas: AreaRoute[] = [
  { path: '/tra-cuu', labelKey: 'nav.catalogue', page: lazy(() => import('../features/catalogue').then((m) => ({ default: m.CataloguePage }))) },
  { path: '/tiep-nhan', labelKey: 'nav.intake', page: lazy(() => import('../features/intake').then((m) => ({ default: m.IntakePage }))) },
  { path: '/ho-so', labelKey: 'nav.dossiers', page: lazy(() => import('../features/dossiers').then((m) => ({ default: m.DossiersPage }))) },
  { path: '/dong-bo', labelKey: 'nav.sync', page: lazy(() => import('../features/sync-status').then((m) => ({ default: m.SyncPage }))) },
  { path: '/bao-cao', labelKey: 'nav.reports', page: lazy(() => import('../features/reports').then((m) => ({ default: m.ReportsPage }))) },
  { path: '/so-hoa', labelKey: 'nav.digitize', page: lazy(() => import('../features/digitize').then((m) => ({ default: m.DigitizePage }))) },
  { path: '/cai-dat', labelKey: 'nav.settings', page: lazy(() => import('../features/settings').then((m) => ({ default: m.SettingsPage }))) },
];

export const homePath = '/tra-cuu';
