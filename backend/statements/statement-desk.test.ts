import { describe, expect, it } from 'vitest';
import { HostError } from '../host-errors.ts';
import { cards, hostFixture, merchantId, provisionShop } from '../test-support/terminal-messages.ts';
import { TestTerminal } from '../test-support/test-terminal.ts';

const DAY = 86_400_000;

describe('settlement statements from the host journal', () => {
  it('prices a day of sales, leaves out voids, reversals and declines, and nets refunds and fees exactly', () => {
    const { host, clock } = hostFixture();
    provisionShop(host);
    host.statements.setTerms(merchantId, { mode: 'T+0', payoutFeeMinor: 200 });
    const terminal = TestTerminal.signedIn(host);

    const noodles = terminal.sale({ card: cards.debit, amountMinor: 12_850 });
    const television = terminal.sale({ card: cards.debit, amountMinor: 450_000 });
    const tap = terminal.saleRequest({ card: cards.credit, amountMinor: 20_000 });
    const tapped = terminal.send({ mti: '0200', fields: { ...tap.fields, 22: '071' } });
    const voided = terminal.sale({ card: cards.credit, amountMinor: 3_000 });
    terminal.voidSale(voided, cards.credit);
    const reversed = terminal.sale({ card: cards.credit, amountMinor: 4_000 });
    terminal.reverse(reversed);
    const declined = terminal.sale({ card: cards.debit, amountMinor: 1_000, pin: '000000' });
    const refund = terminal.refund(noodles, cards.debit, 5_000);
    expect([noodles, television, tapped, voided, reversed, refund].map((exchange) => exchange.code)).toEqual(['00', '00', '00', '00', '00', '00']);
    expect(declined.code).toBe('55');

    const day = host.statements.businessDay(clock.now());
    expect(day).toBe('2026-11-22');
    const statement = host.statements.statement(merchantId, day);
    // Debit 0.5 %: 64.25 fen → 64, 22.50 yuan capped at 20; QuickPass 0.38 % of 200 yuan = 76 fen.
    expect(statement).toMatchObject({
      merchantId,
      businessDate: '2026-11-22',
      settlement: 'T+0',
      payoutDate: '2026-11-22',
      salesCount: 3,
      grossMinor: 482_850,
      refundsCount: 1,
      refundsMinor: 5_000,
      discountFeesMinor: 2_140,
      payoutFeeMinor: 200,
      feesMinor: 2_340,
      netMinor: 475_510,
    });
    expect(statement.lines.map((line) => [line.stan, line.fee?.basis ?? 'refund', line.fee?.feeMinor ?? 0])).toEqual([
      ['000002', 'debit', 64],
      ['000003', 'debit', 2_000],
      ['000004', 'quickpass', 76],
      ['000009', 'refund', 0],
    ]);
    expect(host.statements.statements(day)).toEqual([statement]);
  });

  it('keeps days apart in host time and pays T+1 the next day by default', () => {
    const { host, clock } = hostFixture();
    provisionShop(host);
    const terminal = TestTerminal.signedIn(host);
    terminal.sale({ card: cards.debit, amountMinor: 10_000 });
    clock.advanceTo(clock.now() + DAY);
    terminal.sale({ card: cards.debit, amountMinor: 20_000 });

    expect(host.statements.statement(merchantId, '2026-11-22')).toMatchObject({ settlement: 'T+1', payoutDate: '2026-11-23', grossMinor: 10_000, netMinor: 9_950 });
    expect(host.statements.statement(merchantId, '2026-11-23')).toMatchObject({ grossMinor: 20_000, feesMinor: 100, netMinor: 19_900 });
    expect(host.statements.statement(merchantId, '2026-11-24')).toMatchObject({ salesCount: 0, grossMinor: 0, netMinor: 0 });
    expect(host.statements.statements('2026-11-24')).toEqual([]);
  });

  it('refuses a malformed date, terms for an unknown merchant and terms out of range', () => {
    const { host } = hostFixture();
    provisionShop(host);
    expect(() => host.statements.statement(merchantId, '22/11/2026')).toThrow(HostError);
    expect(() => host.statements.setTerms('898310048169999', { mode: 'T+0' })).toThrow(/not registered/);
    expect(() => host.statements.setTerms(merchantId, { mode: 'T+0', payoutFeeMinor: -1 })).toThrow(HostError);
    expect(host.statements.terms(merchantId)).toEqual({ mode: 'T+1', payoutFeeMinor: 0 });
  });
});
