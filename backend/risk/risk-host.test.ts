import { describe, expect, it } from 'vitest';
import { packMessage } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import type { AcquirerHost } from '../host.ts';
import type { RiskConfigInput } from './risk-config.ts';
import { cards, hostFixture, loadWorkingKeys, readAnswer, terminalHeader, terminalMasterKey } from '../test-support/terminal-messages.ts';
import { TestTerminal } from '../test-support/test-terminal.ts';

/**
 * Each jump-code rule against the real host, over the wire: it fires on its case with the
 * evidence, stays silent on the clean case, and its configured action is what the terminal sees.
 */
const MINUTE = 60_000;
const SHANGHAI = { id: '898310048160001', name: 'Noodle Bar', mcc: '5812', region: '310000' };
const DISCOUNT = { id: '898310048169999', name: 'Wholesale Club', mcc: '5300', region: '310000' };
const BEIJING = { id: '898110048160002', name: 'Corner Grocery', mcc: '5411', region: '110000' };
const card = cards.debit;

function shop(risk: RiskConfigInput = {}) {
  const fixture = hostFixture({ risk });
  const { host } = fixture;
  for (const merchant of [SHANGHAI, DISCOUNT, BEIJING]) host.provision.merchant(merchant);
  host.provision.terminal({ terminalId: 'T0000001', merchantId: SHANGHAI.id, masterKey: terminalMasterKey });
  host.provision.terminal({ terminalId: 'T0000002', merchantId: BEIJING.id, masterKey: terminalMasterKey });
  host.provision.card(card);
  return { ...fixture, shanghai: signedIn(host, 'T0000001', SHANGHAI.id), beijing: signedIn(host, 'T0000002', BEIJING.id) };
}

function signedIn(host: AcquirerHost, terminalId: string, merchantId: string): TestTerminal {
  const request = packMessage(cupPos, { mti: '0800', fields: { 11: '000001', 41: terminalId, 42: merchantId, 60: '00000001003', 63: '001' } }, terminalHeader);
  const field62 = readAnswer(host.handle(request)).message.fields[62];
  if (!(field62 instanceof Uint8Array)) throw new Error('sign-in refused');
  return new TestTerminal(host, loadWorkingKeys(field62), 2, terminalId, merchantId);
}

/** A sale from `terminal`, reporting `region` in field 59 and naming `merchant` in field 42. */
function sale(terminal: TestTerminal, region: string, merchant = terminal.merchant) {
  const request = terminal.saleRequest({ card, amountMinor: 1_000 });
  return terminal.send({ mti: '0200', fields: { ...request.fields, 42: merchant, 59: `region=${region};cell=4021` } });
}

describe('risk control on the host', () => {
  it('stays silent on clean sales at home, minutes apart, on two terminals in their own cities', () => {
    const { host, clock, shanghai, beijing } = shop();
    expect(sale(shanghai, '310115').code).toBe('00');
    clock.advanceTo(clock.now() + 5 * MINUTE);
    expect(sale(shanghai, '310000').code).toBe('00');
    clock.advanceTo(clock.now() + 3 * 60 * MINUTE);
    expect(sale(beijing, '110105').code).toBe('00');
    expect(host.risk.alerts()).toEqual([]);
  });

  it('binding: another merchant ID is refused 03 and alerted with both merchants and categories', () => {
    const { host, shanghai } = shop();
    expect(sale(shanghai, '310000', DISCOUNT.id).code).toBe('03');
    expect(host.risk.alerts()).toMatchObject([
      {
        rule: 'binding',
        action: 'alert',
        terminalId: 'T0000001',
        merchantId: SHANGHAI.id,
        evidence: { requestedMerchantId: DISCOUNT.id, boundMerchantId: SHANGHAI.id, requestedMcc: '5300', boundMcc: '5812' },
        transactions: [{ terminalId: 'T0000001', stan: '000002', panMasked: '622202*********0123' }],
      },
    ]);
  });

  it('binding with action decline answers 59, journaled as a decline with no ledger effect', () => {
    const { host, shanghai } = shop({ binding: { action: 'decline' } });
    const refused = sale(shanghai, '310000', DISCOUNT.id);
    expect(refused.code).toBe('59');
    expect(refused.answer.fields[38]).toBeUndefined();
    expect(host.queries.balance(card.pan)).toBe(card.balanceMinor);
    expect(host.queries.journal()).toMatchObject([{ stan: '000002', status: 'declined', responseCode: '59' }]);
  });

  it('relocation (移机): a Shanghai terminal reporting Beijing is alerted and, by default, still approved', () => {
    const { host, shanghai } = shop();
    expect(sale(shanghai, '110105').code).toBe('00');
    expect(host.risk.alerts()).toMatchObject([
      { rule: 'relocation', action: 'alert', evidence: { reportedRegion: '110105', reportedCell: '4021', registeredRegion: '310000' } },
    ]);
  });

  it('impossible travel: one terminal in Shanghai, then in Beijing 20 minutes later, is declined 59', () => {
    const { host, clock, shanghai } = shop({ relocation: { enabled: false } });
    expect(sale(shanghai, '310000').code).toBe('00');
    clock.advanceTo(clock.now() + 20 * MINUTE);
    expect(sale(shanghai, '110000').code).toBe('59');
    const [alert] = host.risk.alerts();
    expect(alert).toMatchObject({ rule: 'impossible-travel', action: 'decline', evidence: { scope: 'terminal', fromRegion: '310000', toRegion: '110000', elapsedMinutes: 20 } });
    expect(alert?.transactions.map((ref) => ref.stan)).toEqual(['000002', '000003']);
    expect(host.queries.balance(card.pan)).toBe(card.balanceMinor - 1_000);
  });

  it('forgets what a rolled-back request recorded: a reused STAN reported from Beijing leaves no trace', () => {
    const { host, clock, shanghai } = shop({ relocation: { enabled: false } });
    expect(sale(shanghai, '310000').code).toBe('00');
    clock.advanceTo(clock.now() + 20 * MINUTE);
    // Screened (and found impossible), then refused 94 at the journal: the whole request rolls back.
    const reused = shanghai.saleRequest({ card, amountMinor: 1_000 });
    expect(shanghai.send({ mti: '0200', fields: { ...reused.fields, 11: '000002', 59: 'region=110000;cell=4021' } }).code).toBe('94');
    clock.advanceTo(clock.now() + MINUTE);
    expect(sale(shanghai, '310000').code).toBe('00');
    expect(host.risk.alerts()).toEqual([]);
  });

  it('forgets a freeze that a rolled-back request applied: the terminal goes on being served', () => {
    const { host, clock, shanghai } = shop({ relocation: { enabled: false }, impossibleTravel: { action: 'freeze' } });
    expect(sale(shanghai, '310000').code).toBe('00');
    clock.advanceTo(clock.now() + 20 * MINUTE);
    // Frozen by the screen, then refused 94 at the journal: the freeze rolls back with the request.
    const reused = shanghai.saleRequest({ card, amountMinor: 1_000 });
    expect(shanghai.send({ mti: '0200', fields: { ...reused.fields, 11: '000002', 59: 'region=110000;cell=4021' } }).code).toBe('94');
    expect(host.risk.freezeOf('T0000001')).toBeUndefined();
    clock.advanceTo(clock.now() + 6 * 60 * MINUTE);
    expect(sale(shanghai, '310000').code).toBe('00');
    expect(host.risk.frozen()).toEqual([]);
  });

  it('impossible travel: one card in Shanghai, then on a Beijing terminal 30 minutes later', () => {
    const { host, clock, shanghai, beijing } = shop();
    expect(sale(shanghai, '310000').code).toBe('00');
    clock.advanceTo(clock.now() + 30 * MINUTE);
    expect(sale(beijing, '110000').code).toBe('59');
    expect(host.risk.alerts()).toMatchObject([{ rule: 'impossible-travel', evidence: { scope: 'card' }, terminalId: 'T0000002' }]);
    // Three hours later the journey was possible.
    clock.advanceTo(clock.now() + 3 * 60 * MINUTE);
    expect(sale(shanghai, '310000').code).toBe('00');
    expect(host.risk.alerts()).toHaveLength(1);
  });

  it('velocity: the third sale of one card inside the window is declined, and the window moves on', () => {
    const { host, clock, shanghai } = shop({ velocity: { maxPerCard: 2, windowMs: 10 * MINUTE, action: 'decline' } });
    expect(sale(shanghai, '310000').code).toBe('00');
    expect(sale(shanghai, '310000').code).toBe('00');
    expect(sale(shanghai, '310000').code).toBe('59');
    expect(host.risk.alerts()).toMatchObject([{ rule: 'velocity', evidence: { scope: 'card', limit: 2 } }]);
    clock.advanceTo(clock.now() + 11 * MINUTE);
    expect(sale(shanghai, '310000').code).toBe('00');
  });

  it('velocity does not count a request that rolled back', () => {
    const { clock, shanghai } = shop({ velocity: { maxPerCard: 2, windowMs: 10 * MINUTE, action: 'decline' } });
    expect(sale(shanghai, '310000').code).toBe('00');
    // Screened (and counted), then refused 94 at the journal: the whole request rolls back.
    const reused = shanghai.saleRequest({ card, amountMinor: 1_000 });
    expect(shanghai.send({ mti: '0200', fields: { ...reused.fields, 11: '000002', 59: 'region=310000;cell=4021' } }).code).toBe('94');
    clock.advanceTo(clock.now() + MINUTE);
    expect(sale(shanghai, '310000').code).toBe('00');
    expect(sale(shanghai, '310000').code).toBe('59');
  });

  it('freeze: the terminal is refused 62 from then on, reversals still work, until unfrozen', () => {
    const { host, clock, shanghai, events } = shop({ relocation: { enabled: false }, impossibleTravel: { action: 'freeze' } });
    const first = sale(shanghai, '310000');
    clock.advanceTo(clock.now() + 10 * MINUTE);
    expect(sale(shanghai, '110000').code).toBe('62');
    clock.advanceTo(clock.now() + 6 * 60 * MINUTE);
    expect(sale(shanghai, '310000').code).toBe('62');
    expect(host.risk.freezeOf('T0000001')).toMatchObject({ terminalId: 'T0000001', reason: expect.stringMatching(/^impossible-travel/) });
    expect(shanghai.reverse(first).code).toBe('00');
    expect(host.queries.balance(card.pan)).toBe(card.balanceMinor);

    expect(host.risk.unfreeze('T0000001', 'analyst-7')).toBe(true);
    expect(host.risk.unfreeze('T0000001', 'analyst-7')).toBe(false);
    expect(sale(shanghai, '310000').code).toBe('00');
    expect(host.risk.frozen()).toEqual([]);
    expect(events.filter((event) => event.kind.startsWith('risk-')).map((event) => event.kind)).toEqual([
      'risk-alert',
      'risk-refused',
      'risk-unfrozen',
    ]);
  });

  it('keeps alerts and freezes in the journal database, with no clear PAN anywhere in them', () => {
    const { host, clock, shanghai } = shop({ impossibleTravel: { action: 'freeze' } });
    sale(shanghai, '310000', DISCOUNT.id);
    sale(shanghai, '310000');
    clock.advanceTo(clock.now() + MINUTE);
    sale(shanghai, '440300');
    const text = JSON.stringify([host.risk.alerts(), host.risk.terminals()]);
    expect(text).not.toContain(card.pan);
    expect(host.risk.alerts().map((alert) => alert.rule)).toEqual(['binding', 'relocation', 'impossible-travel']);
    expect(host.risk.terminals()).toMatchObject([
      { terminalId: 'T0000001', merchantId: SHANGHAI.id, freeze: { alertId: 3 } },
      { terminalId: 'T0000002', merchantId: BEIJING.id, freeze: undefined },
    ]);
  });
});
