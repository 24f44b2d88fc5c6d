// The areas of the app, in the order the navigation shows them; each page loads on first visit
// (the one the app opens on as it starts, main.tsx), its code and its messages together.
import { createElement, useEffect, useState, type ComponentType } from 'react';
import type { DeviceRole } from '../db/device';
import { loadMessages, type MessageGroup, type Messages } from '../i18n';

export interface AreaRoute {
  path: string;
  labelKey: `nav.${keyof Messages['nav']}`;
  /** The area's page: a loading line until its code is here, then the page. */
  page: ComponentType;
  /** Loads the page's code and messages. */
  preload(): Promise<void>;
  /** The device roles whose navigation shows it (issue 15): a desk's areas, a team tablet's, or both. */
  roles: readonly DeviceRole[];
}

const both: readonly DeviceRole[] = ['desk', 'team'];
const desk: readonly DeviceRole[] = ['desk'];
const team: readonly DeviceRole[] = ['team'];

/**
 * A page whose code and messages load on first need: it renders only once both are here, so it
 * never shows a raw key. `messages` names every group the page's screens use, including those of
 * the shared pieces it shows (PersonFields: intake; PageCapture: digitize; CccdScanner: scanner;
 * CatalogueStatus: catalogue); the shell's own messages are always here.
 *
 * Not React.lazy under Suspense: a lazy page suspends on its first render even when its code is
 * already here, and React then reveals it no sooner than 300 ms after the fallback showed, which
 * opening the app straight on a page (/ho-so) waited for every time. This page shows its loading
 * line itself and itself renders again once loaded.
 */
function area(
  path: string,
  labelKey: AreaRoute['labelKey'],
  messages: MessageGroup[],
  load: () => Promise<ComponentType>,
  roles: readonly DeviceRole[] = both,
): AreaRoute {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const start = () =>
    (loading ??= Promise.all([load(), loadMessages(...messages)]).then(([page]) => {
      loaded = page;
      return page;
    }));
  function Page() {
    // What shows comes from this component's state, not from `loaded` alone: a page that arrived
    // between the loading line's render and the effect below (which then saw `loaded` set and
    // returned) left the loading line up for good.
    const [page, setPage] = useState<ComponentType | undefined>(() => loaded);
    const [failure, setFailure] = useState<{ error: unknown }>();
    useEffect(() => {
      if (page) return;
      let mounted = true;
      start().then(
        (arrived) => mounted && setPage(() => arrived),
        (error: unknown) => mounted && setFailure({ error }),
      );
      return () => {
        mounted = false;
      };
    }, [page]);
    // A page whose code could not load fails as a lazy one did: to the nearest error boundary.
    if (failure) throw failure.error;
    return page ? createElement(page) : createElement('p', { className: 'loading' }, '…');
  }
  return { path, labelKey, page: Page, preload: async () => void (await start()), roles };
}

export const areas: AreaRoute[] = [
  // A community team's tablet (issue 15) files for villagers and follows what it filed; it neither receives nor reports.
  area(
    '/nop-ho-so',
    'nav.teamFile',
    ['team', 'intake', 'scanner', 'digitize'],
    async () => (await import('../features/team')).teamFilingPage(await import('../features/intake')),
    team,
  ),
  area('/ho-so-da-nop', 'nav.teamSubmissions', ['team'], async () => (await import('../features/team')).SubmissionsPage, team),
  area('/tra-cuu', 'nav.catalogue', ['catalogue'], async () => (await import('../features/catalogue')).CataloguePage),
  area('/tiep-nhan', 'nav.intake', ['intake', 'scanner', 'digitize', 'dossiers'], async () => (await import('../features/intake')).IntakePage, desk),
  area('/ho-so', 'nav.dossiers', ['dossiers', 'digitize', 'intake'], async () => (await import('../features/dossiers')).DossiersPage, desk),
  area('/dong-bo', 'nav.sync', ['sync', 'device', 'intake'], async () => (await import('../features/sync-status')).SyncPage),
  area('/bao-cao', 'nav.reports', ['reports', 'dossiers'], async () => (await import('../features/reports')).ReportsPage, desk),
  area('/so-hoa', 'nav.digitize', ['digitize'], async () => (await import('../features/digitize')).DigitizePage, desk),
  area('/cai-dat', 'nav.settings', ['settings', 'catalogue'], async () => (await import('../features/settings')).SettingsPage),
];

/** The areas a device of `role` shows in its navigation. */
export function areasFor(role: DeviceRole): AreaRoute[] {
  return areas.filter((a) => a.roles.includes(role));
}

/** Where "/" leads a team tablet: straight to filing. */
export const teamHomePath = '/nop-ho-so';

export const homePath = '/tra-cuu';

/** Loads the code of the page at `pathname` ("/" opens the home page), if it is an area's. */
export function preloadPageAt(pathname: string): Promise<void> {
  const path = pathname === '/' ? homePath : pathname;
  const at = areas.find((a) => path === a.path || path.startsWith(`${a.path}/`));
  return at ? at.preload() : Promise.resolve();
}
