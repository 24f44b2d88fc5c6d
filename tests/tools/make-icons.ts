// Renders the SVG icons to the PNG sizes the web manifest names, with Debian's Chromium.
// Run once after changing an icon: npx tsx tests/tools/make-icons.ts
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../support/chromium';

const jobs = [
  { svg: 'public/icons/icon.svg', png: 'public/icons/icon-192.png', size: 192 },
  { svg: 'public/icons/icon.svg', png: 'public/icons/icon-512.png', size: 512 },
  { svg: 'public/icons/icon-maskable.svg', png: 'public/icons/icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: chromiumPath() });
for (const { svg, png, size } of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const markup = readFileSync(svg, 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${markup}`);
  await page.screenshot({ path: png, omitBackground: true });
  await page.close();
}
await browser.close();
