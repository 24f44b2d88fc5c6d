// The dossier benches' desk (dossiers.bench.ts, first-open-trace.ts): a gateway, and Chromium on an
// on-disk profile (as an installed app has; an incognito one caps the quota far lower) with the app
// open at /ho-so, its service worker in control, and the bench page's functions evaluated in it.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { devices, profileDir, waitForServiceWorker } from '../support/browser';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { removeDir, startGateway } from '../support/gateway';
import { bundleForPage } from '../support/page-bundle';

export interface BenchDesk {
  page: Page;
  context: BrowserContext;
  gateway: Awaited<ReturnType<typeof startGateway>>;
  /** dossiers-page.ts bundled: evaluate it again after a navigation. */
  bundle: string;
  close(): Promise<void>;
}

export async function openBenchDesk(): Promise<BenchDesk> {
  const [bundle, gateway] = await Promise.all([bundleForPage('tests/bench/dossiers-page.ts', 'motcuaBench'), startGateway()]);
  const profile = profileDir();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    ...devices.laptop,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const close = async () => {
    await context.close();
    await gateway.stop();
    removeDir(gateway.dataDir);
    removeDir(profile);
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${gateway.url}/ho-so`);
    await waitForServiceWorker(page);
    await page.getByText('Không có hồ sơ nào phù hợp.').waitFor();
    await page.evaluate(bundle); // evaluated over CDP: the app's CSP refuses inline scripts
    return { page, context, gateway, bundle, close };
  } catch (error) {
    await close();
    throw error;
  }
}
