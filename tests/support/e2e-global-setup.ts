// Before any end-to-end test: the app must be built (npm test builds it) and Chromium present.
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium';

export default function setup(): void {
  chromiumPath(); // throws with install instructions when missing
  if (!existsSync('dist/index.html') || !existsSync('dist/sw.js')) {
    throw new Error('The app is not built: run "npm run build" (npm test does it) before the end-to-end tests.');
  }
}
