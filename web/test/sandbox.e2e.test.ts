import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app-build.ts';
import { startSandboxServer, type SandboxServer } from '../server/sandbox-server.ts';
import { launchChromium } from './chromium.ts';

/**
 * The whole sandbox end to end: the real server and sessions, the built page, headless
 * Chromium clicking like a trainee. The tests run in order on one page, one shop: a chip sale,
 * a sale whose cable is pulled as it goes out (and its reversal), a jammed printer. `POSLAB_UPDATE_SCREENSHOT=1` refreshes the
 * README's picture (docs/sandbox.png); otherwise it goes to .tmp/.
 */
const SCREENSHOT = process.env.POSLAB_UPDATE_SCREENSHOT === '1' ? 'docs/sandbox.png' : '.tmp/sandbox.png';

let browser: Browser;
let server: SandboxServer;
let outDir: string;
let page: Page;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'poslab-sandbox-e2e-'));
  await buildApp({ outDir });
  server = await startSandboxServer({ port: 0, distDir: outDir, scenariosDir: 'scenarios' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1150 } });
  page.setDefaultTimeout(15_000);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(outDir, { recursive: true, force: true });
});

const screen = () => page.getByTestId('terminal-screen').textContent().then((text) => text ?? '');
const untilScreen = (pattern: RegExp) => expect.poll(screen, { timeout: 30_000 }).toMatch(pattern);

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await page.getByRole('button', { name: `key ${key}`, exact: true }).click();
}

async function fault(name: string, action: 'apply' | 'heal'): Promise<void> {
  await page.getByRole('button', { name: `${action} ${name}`, exact: true }).click();
}

/** Amount, card and PIN, up to (not including) the PIN pad's ENTER. */
async function startSale(amountDigits: string): Promise<void> {
  await untilScreen(/READY/);
  await press('1');
  await untilScreen(/ENTER AMOUNT/);
  await press(...amountDigits);
  await press('ENTER');
  await untilScreen(/INSERT\/SWIPE CARD/);
  await page.locator('[data-card="debit-ok"]').getByRole('button', { name: 'Insert' }).click();
  await expect.poll(() => page.getByTestId('pinpad-screen').textContent()).toMatch(/PIN/);
  for (const digit of '123456') await page.getByRole('button', { name: `PIN pad ${digit}`, exact: true }).click();
}

async function finishReceipts(): Promise<void> {
  await untilScreen(/TEAR OFF MERCHANT/);
  await press('ENTER');
  await untilScreen(/READY/);
  await page.getByRole('button', { name: /Remove card/ }).click();
}

const timelineMtis = (kind: 'message' | 'dropped') =>
  page.locator(`.timeline li[data-source="link"][data-kind="${kind}"]`).evaluateAll((items) => items.map((item) => item.getAttribute('data-mti')));

describe('the trainer sandbox in Chromium', () => {
  it('guides a first chip sale, and the session survives a reload', async () => {
    await untilScreen(/OPERATOR SIGN IN/);
    expect(await page.locator('.guide li.current').textContent()).toMatch(/type 01 and press ENTER/);
    await press('0', '1', 'ENTER', '0', '0', '0', '0', 'ENTER');
    await untilScreen(/READY/);

    await page.reload();
    await untilScreen(/READY/);

    await startSale('12850');
    await page.getByRole('button', { name: 'PIN pad ENTER' }).click();
    await finishReceipts();

    await expect.poll(() => page.locator('.host-journal tbody tr').allTextContents()).toEqual([expect.stringMatching(/RMB 128\.50.*622202\*{9}0123.*approved \(00\)/)]);
    await expect.poll(() => page.locator('[data-testid="receipt"][data-complete="true"]').count()).toBe(2);
    expect(await timelineMtis('message')).toEqual(expect.arrayContaining(['0800', '0810', '0200', '0210']));
    expect(await page.locator('.timeline').textContent()).not.toContain('6222021234567890123');
    expect(await page.locator('[data-card="debit-ok"]').textContent()).toContain('RMB 4871.50');
  });

  it('pulls the network cable as a second sale goes out; the terminal owes a reversal and sends it once the cable is back', async () => {
    await startSale('2000');
    await page.getByLabel('network.drop start').selectOption('0200');
    await fault('network.drop', 'apply');
    await expect.poll(() => page.locator('[data-fault="network.drop"]').getAttribute('data-status')).toBe('armed');
    await page.getByRole('button', { name: 'PIN pad ENTER' }).click();
    await expect.poll(() => page.locator('[data-light="network"]').getAttribute('data-tone')).toBe('red');
    expect(await timelineMtis('message')).toContain('0200');

    // The terminal waits 60 s for an answer that cannot come; run its clock at 10× meanwhile,
    // and back to 1× as soon as it gives up, so the screen stays for the picture.
    await page.getByLabel('speed').selectOption('10');
    await expect.poll(screen, { timeout: 20_000, interval: 100 }).toMatch(/NO HOST RESPONSE\s+REVERSAL PENDING/);
    await page.getByLabel('speed').selectOption('1');
    await mkdir('.tmp', { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    await fault('network.drop', 'heal');
    await press('ENTER');
    await page.getByRole('button', { name: /Remove card/ }).click();
    await untilScreen(/READY/);
    await press('1');
    await expect.poll(() => timelineMtis('message')).toEqual(expect.arrayContaining(['0400', '0410']));
    await press('CANCEL');
    await untilScreen(/READY/);
  });

  it('reports a jammed printer after approval and reprints once it is cleared', async () => {
    const receiptsBefore = await page.locator('[data-testid="receipt"]').count();
    await fault('printer.jam', 'apply');
    await expect.poll(() => page.locator('[data-light="paper"]').textContent()).toContain('paper jam');
    await startSale('500');
    await page.getByRole('button', { name: 'PIN pad ENTER' }).click();
    await untilScreen(/PAPER JAM/);
    expect(await page.locator('.timeline li[data-source="printer"][data-kind="jammed"]').count()).toBe(1);

    await fault('printer.jam', 'heal');
    await press('ENTER');
    await finishReceipts();
    await expect.poll(() => page.locator('[data-testid="receipt"][data-complete="true"]').count()).toBe(receiptsBefore + 2);
    expect(await page.locator('.host-journal tbody tr[data-status="approved"]').count()).toBeGreaterThanOrEqual(2);
  });
});
