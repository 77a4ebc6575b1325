import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, as CI installs it; never a downloaded browser. */
export const CHROMIUM = process.env.POSLAB_CHROMIUM ?? '/usr/bin/chromium';

/** One headless browser per test file: cheap pages, one expensive launch. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
