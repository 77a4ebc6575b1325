import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { AcquirerHost } from '../host.ts';
import { cards, hostFixture, merchantId, provisionShop, terminalId } from '../test-support/terminal-messages.ts';
import { TestTerminal } from '../test-support/test-terminal.ts';
import { createAdminApp } from './admin-app.ts';

const TOKEN = 'correct-horse-battery-staple';
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** The admin API of a host with a signed-in terminal, on an ephemeral port of 127.0.0.1. */
async function adminOf(host: AcquirerHost): Promise<(path: string, init?: RequestInit & { token?: string | null }) => Promise<Response>> {
  const server = await new Promise<Server>((resolve) => {
    const listening = createAdminApp(host, { token: TOKEN }).listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return (path, init = {}) => {
    const { token = TOKEN, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    return fetch(`http://127.0.0.1:${port}${path}`, { ...rest, headers });
  };
}

function busyShop() {
  const fixture = hostFixture({ risk: { relocation: { enabled: false }, impossibleTravel: { action: 'freeze' } } });
  const { host, clock } = fixture;
  provisionShop(host);
  const terminal = TestTerminal.signedIn(host);
  terminal.sale({ card: cards.debit, amountMinor: 12_850 });
  clock.advanceTo(clock.now() + 60_000);
  const request = terminal.saleRequest({ card: cards.debit, amountMinor: 1_000 });
  const frozen = terminal.send({ mti: '0200', fields: { ...request.fields, 59: 'region=110000;cell=9' } });
  expect(frozen.code).toBe('62');
  return { ...fixture, terminal };
}

describe('admin API', () => {
  it('answers 401 without the bearer token, or with a wrong one', async () => {
    const call = await adminOf(busyShop().host);
    for (const token of [null, 'wrong', '']) {
      const response = await call('/journal', { token });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await call('/terminals/T0000001/unfreeze', { method: 'POST', token: null })).status).toBe(401);
    expect((await call('/journal', { headers: { authorization: `Basic ${TOKEN}` }, token: null })).status).toBe(401);
  });

  it('reads the journal with masked PANs only, filtered', async () => {
    const call = await adminOf(busyShop().host);
    const response = await call('/journal?status=approved');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(cards.debit.pan);
    expect(text).not.toMatch(/panToken|pinVerifier|answer"/);
    expect(JSON.parse(text)).toMatchObject([{ terminalId, stan: '000002', amountMinor: 12_850, panMasked: '622202*********0123', status: 'approved' }]);
    expect(await (await call('/journal?stan=000003')).json()).toMatchObject([{ responseCode: '62', status: 'declined' }]);
    expect((await call('/journal?stan=12')).status).toBe(400);
    expect((await call('/journal?colour=red')).status).toBe(400);
  });

  it('lists alerts with their evidence, and terminals with their freeze', async () => {
    const call = await adminOf(busyShop().host);
    const alerts = (await (await call('/alerts')).json()) as Array<{ id: number; rule: string }>;
    expect(alerts).toMatchObject([{ rule: 'impossible-travel', action: 'freeze', evidence: { fromRegion: '310000', toRegion: '110000' } }]);
    expect(await (await call(`/alerts?afterId=${alerts[0]!.id}`)).json()).toEqual([]);
    expect(await (await call('/alerts?rule=velocity')).json()).toEqual([]);
    expect(await (await call('/terminals')).json()).toMatchObject([{ terminalId, merchantId, signedIn: true, freeze: { alertId: alerts[0]!.id } }]);
    expect((await call('/terminals/NOPE0000')).status).toBe(404);
  });

  it('unfreezes a frozen terminal by POST, once, and the terminal transacts again', async () => {
    const { host, terminal, clock } = busyShop();
    const call = await adminOf(host);
    const response = await call(`/terminals/${terminalId}/unfreeze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'analyst-7' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ terminalId, unfrozen: true });
    expect((await call(`/terminals/${terminalId}/unfreeze`, { method: 'POST' })).status).toBe(409);
    expect((await call('/terminals/NOPE0000/unfreeze', { method: 'POST' })).status).toBe(404);
    expect(await (await call(`/terminals/${terminalId}`)).json()).toMatchObject({ terminalId, freeze: null });
    clock.advanceTo(clock.now() + 12 * 3_600_000);
    expect(terminal.sale({ card: cards.debit, amountMinor: 1_000 }).code).toBe('00');
    expect((await call('/journal', { method: 'DELETE' })).status).toBe(404);
  });

  it('serves daily statements and settlements', async () => {
    const { host, terminal } = busyShop();
    terminal.settle(`001${String(12_850).padStart(12, '0')}000${'0'.repeat(12)}`);
    const call = await adminOf(host);
    expect(await (await call('/statements?date=2026-11-22')).json()).toMatchObject([{ merchantId, grossMinor: 12_850, feesMinor: 64, netMinor: 12_786, payoutDate: '2026-11-23' }]);
    expect(await (await call(`/statements?date=2026-11-22&merchantId=${merchantId}`)).json()).toHaveLength(1);
    expect((await call('/statements')).status).toBe(400);
    expect((await call('/statements?date=2026-02-30')).status).toBe(400);
    expect(await (await call('/settlements')).json()).toMatchObject([{ terminalId, merchantId, batch: '000001', result: '1' }]);
  });
});
