import { describe, expect, it } from 'vitest';
import { answerMacVerifies, cards, hostFixture, provisionShop } from '../test-support/terminal-messages.ts';
import { TestTerminal } from '../test-support/test-terminal.ts';

function shop() {
  const fixture = hostFixture();
  provisionShop(fixture.host);
  const terminal = TestTerminal.signedIn(fixture.host);
  const balance = (pan: string) => fixture.host.queries.balance(pan);
  return { ...fixture, terminal, balance };
}

const debit = cards.debit;

describe('void 0200/23', () => {
  it('gives a sale of the open batch back once and marks it voided', () => {
    const { host, terminal, balance } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 12_850 });
    expect(sale.code).toBe('00');
    expect(balance(debit.pan)).toBe(487_150);

    const voided = terminal.voidSale(sale, debit);
    expect(voided.answer).toMatchObject({ mti: '0210', fields: { 39: '00', 3: '200000', 4: '000000012850' } });
    expect(voided.answer.fields[38]).toMatch(/^\d{6}$/);
    expect(answerMacVerifies(voided.answerBytes, terminal.keys.macKey)).toBe(true);
    expect(balance(debit.pan)).toBe(500_000);
    expect(terminal.voidSale(sale, debit).code).toBe('12');
    expect(balance(debit.pan)).toBe(500_000);

    const rows = host.queries.journal({ status: 'approved' });
    expect(rows.map((row) => [row.type, row.voided])).toEqual([
      ['sale', true],
      ['void', false],
    ]);
  });

  it('refuses another amount, another card, a declined sale and an unknown original with 12', () => {
    const { terminal, balance } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 1_000 });
    expect(terminal.voidSale(sale, debit, { 4: '000000000999' }).code).toBe('12');
    expect(terminal.voidSale(sale, cards.credit).code).toBe('12');
    expect(terminal.voidSale(sale, debit, { 61: '000001999999' }).code).toBe('12');
    const declined = terminal.sale({ card: debit, amountMinor: 1_000, pin: '000000' });
    expect(declined.code).toBe('55');
    expect(terminal.voidSale(declined, debit).code).toBe('12');
    expect(balance(debit.pan)).toBe(499_000);
  });
});

describe('refund 0220/25', () => {
  it('credits the card, up to the sale in total, and answers 0230', () => {
    const { host, terminal, balance } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 10_000 });
    const first = terminal.refund(sale, debit, 6_000);
    expect(first.answer).toMatchObject({ mti: '0230', fields: { 39: '00', 4: '000000006000' } });
    expect(balance(debit.pan)).toBe(496_000);
    expect(terminal.refund(sale, debit, 4_001).code).toBe('12');
    expect(terminal.refund(sale, debit, 4_000).code).toBe('00');
    expect(terminal.refund(sale, debit, 1).code).toBe('12');
    expect(balance(debit.pan)).toBe(500_000);
    const original = host.queries.journal({ type: 'sale' })[0];
    expect(original?.refundedMinor).toBe(10_000);
  });

  it('refuses to refund a voided sale or to another card', () => {
    const { terminal, balance } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 10_000 });
    expect(terminal.refund(sale, cards.credit, 100).code).toBe('12');
    expect(terminal.voidSale(sale, debit).code).toBe('00');
    expect(terminal.refund(sale, debit, 100).code).toBe('12');
    expect(balance(debit.pan)).toBe(500_000);
  });
});

describe('pre-authorisation 0100/10 and completion 0200/20', () => {
  it('holds funds, then captures at most the authorised amount and releases the rest', () => {
    const { host, terminal, balance } = shop();
    const preAuth = terminal.preAuthorise({ card: debit, amountMinor: 300_000 });
    expect(preAuth.answer).toMatchObject({ mti: '0110', fields: { 39: '00', 3: '030000' } });
    expect(host.queries.account(debit.pan)).toEqual({ ledgerMinor: 500_000, heldMinor: 300_000, availableMinor: 200_000 });
    expect(balance(debit.pan)).toBe(500_000);

    // The hold counts against what the card may spend.
    expect(terminal.sale({ card: debit, amountMinor: 200_001 }).code).toBe('51');
    expect(terminal.complete(preAuth, debit, 300_001).code).toBe('12');

    const completed = terminal.complete(preAuth, debit, 250_000);
    expect(completed.code).toBe('00');
    expect(host.queries.account(debit.pan)).toEqual({ ledgerMinor: 250_000, heldMinor: 0, availableMinor: 250_000 });
    expect(terminal.complete(preAuth, debit, 10).code).toBe('12');
    const rows = host.queries.journal({ status: 'approved' });
    expect(rows.map((row) => [row.type, row.holdMinor, row.amountMinor])).toEqual([
      ['preauth', 0, 300_000],
      ['completion', 0, 250_000],
    ]);
  });

  it('wants the pre-authorisation id in field 38', () => {
    const { terminal, host } = shop();
    const preAuth = terminal.preAuthorise({ card: debit, amountMinor: 1_000 });
    const wrongId = { ...preAuth, answer: { ...preAuth.answer, fields: { ...preAuth.answer.fields, 38: '999999' } } };
    expect(terminal.complete(wrongId, debit, 1_000).code).toBe('12');
    expect(host.queries.account(debit.pan).heldMinor).toBe(1_000);
  });
});

describe('balance inquiry 0200/01', () => {
  it('tells what the card may spend in field 54 and moves nothing', () => {
    const { host, terminal } = shop();
    terminal.preAuthorise({ card: debit, amountMinor: 100_000 });
    const inquiry = terminal.balance({ card: debit });
    expect(inquiry.answer.fields[39]).toBe('00');
    expect(inquiry.answer.fields[54]).toBe('1002156C000000400000');
    expect(inquiry.answer.fields[4]).toBeUndefined();
    expect(host.queries.account(debit.pan).ledgerMinor).toBe(500_000);
    expect(host.queries.journal({ type: 'balance' })).toMatchObject([{ status: 'approved', amountMinor: 0 }]);
  });

  it('needs the PIN, even for a credit card', () => {
    const { terminal } = shop();
    expect(terminal.balance({ card: cards.credit, pin: null }).code).toBe('55');
    expect(terminal.balance({ card: debit, pin: '654321' }).code).toBe('55');
  });
});

describe('sign-out and echo 0820', () => {
  it('answers an echo with 00 and changes nothing', () => {
    const { host, terminal } = shop();
    const echo = terminal.management('301');
    expect(echo.answer).toMatchObject({ mti: '0830', fields: { 39: '00', 41: terminal.id } });
    expect(echo.answer.fields[64]).toBeUndefined();
    expect(host.queries.terminal(terminal.id)?.signedIn).toBe(true);
  });

  it('signs the terminal out: financial requests get 97 until it signs in again', () => {
    const { host, terminal } = shop();
    expect(terminal.management('002').code).toBe('00');
    expect(host.queries.terminal(terminal.id)?.signedIn).toBe(false);
    expect(terminal.sale({ card: debit, amountMinor: 100 }).code).toBe('97');
    const again = TestTerminal.signedIn(host);
    expect(again.sale({ card: debit, amountMinor: 100 }).code).toBe('00');
  });

  it('refuses an unknown terminal with 97 and another merchant with 03', () => {
    const { host } = shop();
    const stranger = new TestTerminal(host, { pinKey: new Uint8Array(16), macKey: new Uint8Array(16) }, 1, 'T9999999');
    expect(stranger.management('301').code).toBe('97');
    const elsewhere = new TestTerminal(host, { pinKey: new Uint8Array(16), macKey: new Uint8Array(16) }, 1, undefined, '898310048169999');
    expect(elsewhere.management('002').code).toBe('03');
    expect(host.queries.terminal(elsewhere.id)?.signedIn).toBe(true);
  });
});
