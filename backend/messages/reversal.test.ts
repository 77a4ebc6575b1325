import { describe, expect, it } from 'vitest';
import { answerMacVerifies, cards, hostFixture, provisionShop } from '../test-support/terminal-messages.ts';
import { TestTerminal } from '../test-support/test-terminal.ts';

function shop() {
  const fixture = hostFixture();
  provisionShop(fixture.host);
  return { ...fixture, terminal: TestTerminal.signedIn(fixture.host) };
}

const debit = cards.debit;

describe('reversal 0400/0410', () => {
  it('gives an approved sale back exactly once, and a second reversal is a no-op 00', () => {
    const { host, terminal } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 12_850 });
    expect(host.queries.balance(debit.pan)).toBe(487_150);

    const reversal = terminal.reverse(sale, '98');
    expect(reversal.answer).toMatchObject({
      mti: '0410',
      fields: { 39: '00', 3: '000000', 4: '000000012850', 11: sale.request.fields[11], 41: terminal.id },
    });
    expect(answerMacVerifies(reversal.answerBytes, terminal.keys.macKey)).toBe(true);
    expect(host.queries.balance(debit.pan)).toBe(500_000);
    expect(host.queries.journal()).toMatchObject([{ type: 'sale', status: 'approved', reversed: true, reversalReason: '98' }]);

    const again = terminal.reverse(sale, '98');
    expect(again.code).toBe('00');
    expect(again.answer.fields[37]).toBe(reversal.answer.fields[37]);
    const repeated = terminal.repeat(reversal);
    expect(repeated.answer.fields[37]).toBe(reversal.answer.fields[37]);
    expect(host.queries.balance(debit.pan)).toBe(500_000);
  });

  it('acknowledges 00 with no effect for an unknown or declined original', () => {
    const { host, terminal } = shop();
    const declined = terminal.sale({ card: debit, amountMinor: 1_000, pin: '111111' });
    expect(declined.code).toBe('55');
    expect(terminal.reverse(declined, '96').code).toBe('00');
    const neverArrived = terminal.sale({ card: debit, amountMinor: 1_000 });
    const stranger = { ...neverArrived, request: { ...neverArrived.request, fields: { ...neverArrived.request.fields, 11: '777777' } } };
    expect(terminal.reverse(stranger, 'A0').code).toBe('00');
    expect(host.queries.balance(debit.pan)).toBe(499_000);
    expect(host.queries.journal().map((row) => row.reversed)).toEqual([false, false]);
  });

  it('does not book a request whose reversal overtook it on the wire', () => {
    const { host, terminal } = shop();
    const late = terminal.saleRequest({ card: debit, amountMinor: 1_000 });
    expect(terminal.reverse({ request: late }, '98').code).toBe('00');
    const arrived = terminal.send(late);
    expect(arrived.code).toBe('12');
    expect(host.queries.balance(debit.pan)).toBe(500_000);
    expect(host.queries.journal()).toMatchObject([{ status: 'declined', responseCode: '12' }]);
  });

  it('undoes a pre-authorisation, a completion, a void and a refund exactly', () => {
    const { host, terminal } = shop();
    const account = () => host.queries.account(debit.pan);

    const preAuth = terminal.preAuthorise({ card: debit, amountMinor: 50_000 });
    const completion = terminal.complete(preAuth, debit, 30_000);
    expect(account()).toEqual({ ledgerMinor: 470_000, heldMinor: 0, availableMinor: 470_000 });
    terminal.reverse(completion);
    expect(account()).toEqual({ ledgerMinor: 500_000, heldMinor: 50_000, availableMinor: 450_000 });
    terminal.reverse(preAuth);
    expect(account()).toEqual({ ledgerMinor: 500_000, heldMinor: 0, availableMinor: 500_000 });

    const sale = terminal.sale({ card: debit, amountMinor: 20_000 });
    const voided = terminal.voidSale(sale, debit);
    expect(account().ledgerMinor).toBe(500_000);
    terminal.reverse(voided);
    expect(account().ledgerMinor).toBe(480_000);
    expect(host.queries.journal({ type: 'sale' })[0]?.voided).toBe(false);

    const refund = terminal.refund(sale, debit, 5_000);
    expect(account().ledgerMinor).toBe(485_000);
    // A refunded sale is undone through its refunds, not behind their back.
    terminal.reverse(sale);
    expect(account().ledgerMinor).toBe(485_000);
    terminal.reverse(refund);
    expect(account().ledgerMinor).toBe(480_000);
    expect(host.queries.journal({ type: 'sale' })[0]?.refundedMinor).toBe(0);
  });

  it('answers A0 with no effect when the reversal MAC does not verify', () => {
    const { host, terminal } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 1_000 });
    const impostor = new TestTerminal(host, { ...terminal.keys, macKey: terminal.keys.pinKey });
    expect(impostor.reverse(sale).code).toBe('A0');
    expect(host.queries.balance(debit.pan)).toBe(499_000);
  });
});

describe('repeats (MTI ending in 1)', () => {
  it('answers a repeated sale with the original answer and no second debit', () => {
    const { host, terminal } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 2_000 });
    for (const keepMac of [true, false]) {
      const repeat = terminal.repeat(sale, keepMac);
      expect(repeat.answer.mti).toBe('0210');
      for (const field of [2, 4, 11, 12, 13, 37, 38, 39]) expect(repeat.answer.fields[field]).toEqual(sale.answer.fields[field]);
      expect(answerMacVerifies(repeat.answerBytes, terminal.keys.macKey)).toBe(true);
    }
    expect(host.queries.balance(debit.pan)).toBe(498_000);
    expect(host.queries.journal()).toHaveLength(1);
  });

  it('answers a repeated decline with the same decline, and 94 to the same STAN sent as new', () => {
    const { host, terminal } = shop();
    const declined = terminal.sale({ card: debit, amountMinor: 2_000, pin: '999999' });
    expect(terminal.repeat(declined).answer.fields[37]).toBe(declined.answer.fields[37]);
    expect(terminal.sendBytes(declined.request, declined.bytes).code).toBe('94');
    expect(host.queries.account(debit.pan).ledgerMinor).toBe(500_000);
    // The repeat did not count as a second wrong PIN.
    expect(terminal.sale({ card: debit, amountMinor: 100 }).code).toBe('00');
  });

  it('processes a repeat whose original never arrived as new, once', () => {
    const { host, terminal } = shop();
    const lost = terminal.saleRequest({ card: debit, amountMinor: 3_000 });
    const first = terminal.repeat({ request: lost });
    expect(first.code).toBe('00');
    expect(terminal.repeat({ request: lost }).answer.fields[37]).toBe(first.answer.fields[37]);
    expect(terminal.send(lost).code).toBe('94');
    expect(host.queries.balance(debit.pan)).toBe(497_000);
    expect(host.queries.journal()).toMatchObject([{ mti: '0200', stan: lost.fields[11], status: 'approved' }]);
  });

  it('repeats refunds (0221) and pre-authorisations (0101) without a second effect', () => {
    const { host, terminal } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 10_000 });
    const refund = terminal.refund(sale, debit, 4_000);
    expect(terminal.repeat(refund).answer).toMatchObject({ mti: '0230', fields: { 37: refund.answer.fields[37], 39: '00' } });
    const preAuth = terminal.preAuthorise({ card: debit, amountMinor: 1_000 });
    expect(terminal.repeat(preAuth).answer).toMatchObject({ mti: '0110', fields: { 38: preAuth.answer.fields[38] } });
    expect(host.queries.account(debit.pan)).toEqual({ ledgerMinor: 494_000, heldMinor: 1_000, availableMinor: 493_000 });
  });
});
