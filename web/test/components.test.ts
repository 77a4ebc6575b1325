import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientMessage } from '../shared/sandbox-api.ts';
import { buildApp } from '../server/app-build.ts';
import { launchChromium } from './chromium.ts';
import { serveFolder } from './static-server.ts';

/**
 * The React app in real Chromium against msw: the service worker answers the HTTP API and
 * msw's WebSocket interception plays the session socket (web/app/test/mock-sandbox.ts), so
 * these tests see exactly what a page does with the server's messages, and what it sends.
 */
let browser: Browser;
let site: { url: string; close(): Promise<void> };
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'poslab-sandbox-components-'));
  await buildApp({ outDir, pages: ['test/mocked.html'] });
  site = await serveFolder(outDir, { '/mockServiceWorker.js': join('node_modules', 'msw', 'lib', 'mockServiceWorker.js') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(outDir, { recursive: true, force: true });
});

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  page.setDefaultTimeout(10_000);
  await page.goto(`${site.url}/test/mocked.html`);
  await page.getByTestId('terminal-screen').waitFor();
  return page;
}

const received = (page: Page) => page.evaluate(() => window.mockSandbox.received) as Promise<ClientMessage[]>;

describe('the sandbox page, against a mocked server', () => {
  it('draws the terminal, the tray, the fault panel, the timeline and the host console', async () => {
    const page = await open();
    await expect.poll(() => page.getByTestId('terminal-screen').textContent()).toContain('OPERATOR SIGN IN');
    expect(await page.locator('[data-card]').allTextContents()).toEqual([
      expect.stringContaining('622202*********0123'),
      expect.stringContaining('lost'),
    ]);
    await page.getByText('network: drop responses').waitFor();
    expect(await page.locator('[data-fault="network.drop"] .summary').textContent()).toMatch(/cable is out/);
    expect(await page.locator('.timeline').textContent()).toMatch(/terminal → host 0200 sale request/);
    expect(await page.locator('.iso.dropped').textContent()).toMatch(/0210.*lost on the line/);
    expect(await page.locator('.host-journal tbody tr').textContent()).toMatch(/RMB 12\.34.*622202\*{9}0123.*approved \(00\)/);
    expect(await page.locator('.alerts li').textContent()).toMatch(/relocation → freeze: terminal 10000001 reports region 440300/);
    await page.getByRole('button', { name: 'Unfreeze (support desk)' }).click();
    await expect.poll(() => page.locator('.frozen').count()).toBe(0);
    expect(await page.locator('.settlements tbody tr').textContent()).toMatch(/000001.*1 · RMB 12\.34.*balanced/);
    expect(await page.getByRole('img', { name: /POS SALES SLIP/ }).count()).toBeGreaterThan(0);
    expect(await page.locator('.guide li.current').textContent()).toMatch(/type 01 .*password 0000/);
    expect(await page.locator('[data-light="network"]').getAttribute('data-tone')).toBe('green');
    await page.close();
  });

  it('sends keypad clicks and the keyboard to the terminal, and digits to the PIN pad while it asks', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'key 0' }).click();
    await page.getByRole('button', { name: 'key 1' }).click();
    await expect.poll(() => page.getByTestId('terminal-screen').textContent()).toContain('OPERATOR NO: 01');
    await page.keyboard.press('Enter');
    await page.locator('[data-card="debit-ok"]').getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => page.getByTestId('pinpad-screen').textContent()).toContain('PIN:');
    await page.keyboard.type('12');
    await page.getByRole('button', { name: 'PIN pad 3' }).click();
    await expect.poll(() => page.getByTestId('pinpad-screen').textContent()).toContain('PIN: ***');
    expect(await received(page)).toEqual([
      { type: 'key', key: '0' },
      { type: 'key', key: '1' },
      { type: 'key', key: 'ENTER' },
      { type: 'card', action: 'insert', card: 'debit-ok' },
      { type: 'pinpad', action: 'digit', digit: '1' },
      { type: 'pinpad', action: 'digit', digit: '2' },
      { type: 'pinpad', action: 'digit', digit: '3' },
    ]);
    await page.getByRole('button', { name: /Remove card/ }).click();
    await expect.poll(() => page.locator('[data-light="card"]').getAttribute('data-tone')).toBe('off');
    await page.close();
  });

  it('shows a clear message for a fault with bad parameters, then applies and heals a good one', async () => {
    const page = await open();
    await page.getByLabel('network.drop_responses parameters').fill('{ count: many }');
    await page.getByRole('button', { name: 'apply network.drop_responses' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/network\.drop_responses: .*count/);
    await page.getByRole('button', { name: 'dismiss' }).click();

    await page.getByLabel('network.drop duration').fill('30s');
    await page.getByLabel('network.drop start').selectOption({ label: 'as a sale request goes out' });
    await page.getByRole('button', { name: 'apply network.drop', exact: true }).click();
    await expect.poll(() => page.locator('[data-light="network"]').getAttribute('data-tone')).toBe('red');
    await page.getByRole('button', { name: 'heal network.drop', exact: true }).click();
    await expect.poll(() => page.locator('[data-light="network"]').getAttribute('data-tone')).toBe('green');
    expect((await received(page)).filter((m) => m.type === 'fault' || m.type === 'heal')).toEqual([
      { type: 'fault', name: 'network.drop_responses', params: '{ count: many }' },
      { type: 'fault', name: 'network.drop', params: '{}', for: '30s', on: '0200' },
      { type: 'heal', name: 'network.drop' },
    ]);
    await page.close();
  });

  it('says when the websocket drops, reconnects by itself and finds the session as it was', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'key 7' }).click();
    await expect.poll(() => page.getByTestId('terminal-screen').textContent()).toContain('OPERATOR NO: 7');
    await page.evaluate(() => window.mockSandbox.drop());
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Connection to the sandbox lost/);
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status')).toBe('open');
    await expect.poll(() => page.getByRole('status').allTextContents()).toContainEqual(expect.stringMatching(/Reconnected/));
    expect(await page.evaluate(() => window.mockSandbox.connections)).toBe(2);
    expect(await page.getByTestId('terminal-screen').textContent()).toContain('OPERATOR NO: 7');
    await page.close();
  });

  it('loads a scenario for playback and shows each step with its result', async () => {
    const page = await open();
    await page.getByLabel('scenario file').selectOption('network/lost-response-timeout.yaml');
    await page.getByRole('button', { name: 'Load' }).click();
    await page.locator('.steps').waitFor();
    expect(await page.locator('.step').allTextContents()).toEqual([
      expect.stringMatching(/✓ power_on/),
      expect.stringMatching(/sign_in operator="01"/),
      expect.stringMatching(/✗ expect screen=READY.*got NETWORK DOWN/),
    ]);
    expect((await received(page)).at(-1)).toEqual({ type: 'playback', action: 'load', file: 'network/lost-response-timeout.yaml' });
    await page.close();
  });

  it('keeps one session per tab: a reload keeps the id, another tab gets its own', async () => {
    const page = await open();
    const id = new URL(page.url()).searchParams.get('session');
    expect(id).toMatch(/^[0-9a-f]{18}$/);
    await page.reload();
    await page.getByTestId('terminal-screen').waitFor();
    expect(new URL(page.url()).searchParams.get('session')).toBe(id);
    const other = await open();
    expect(new URL(other.url()).searchParams.get('session')).not.toBe(id);
    await Promise.all([page.close(), other.close()]);
  });
});
