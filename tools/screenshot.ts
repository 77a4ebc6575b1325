/**
 * Renders a local HTML file (a poslab report) in Debian's headless Chromium and saves a PNG,
 * so a person can look at what users will see: `npx tsx tools/screenshot.ts IN.html OUT.png [width]`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [input, output, width = '1280'] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: tsx tools/screenshot.ts IN.html OUT.png [width]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await page.goto(pathToFileURL(resolve(input)).href);
  await page.screenshot({ path: output, fullPage: true });
} finally {
  await browser.close();
}
