import { describe, expect, it } from 'vitest';
import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { answerMacVerifies, cards, hostFixture, packSigned, provisionShop } from '../test-support/terminal-messages.ts';
import { TestTerminal } from '../test-support/test-terminal.ts';
import { iccData as cardIccData, issuerMasterKey, otherIssuerKey as otherKey } from '../test-support/chip-data.ts';

/** An offline card's field 55: its TC (40). */
const iccData = (pan: string, amountMinor: number, key: Uint8Array, cid = 0x40) => cardIccData(pan, amountMinor, key, cid);

function shop() {
  const { host } = hostFixture({ issuerMasterKey });
  provisionShop(host);
  const terminal = TestTerminal.signedIn(host);
  const advice = (
    card: { pan: string; expiry: string },
    amountMinor: number,
    field55: Uint8Array | null = iccData(card.pan, amountMinor, issuerMasterKey),
  ): IsoMessage => ({
    mti: '0220',
    fields: {
      2: card.pan,
      3: '000000',
      4: String(amountMinor).padStart(12, '0'),
      11: terminal.nextStan(),
      14: card.expiry,
      22: '052',
      23: '001',
      25: '00',
      41: terminal.id,
      42: terminal.merchant,
      49: '156',
      ...(field55 !== null && { 55: field55 }),
      60: `36${terminal.batch}000`,
    },
  });
  return { host, terminal, advice };
}

describe('offline sale advice 0220/0230 (60.1 = 36)', () => {
  it('books a verified TC once: the card is debited, a repeat or the same advice again changes nothing', () => {
    const { host, terminal, advice } = shop();
    const first = terminal.send(advice(cards.debit, 5_800));
    expect(first.answer.mti).toBe('0230');
    expect(first.answer.fields).toMatchObject({ 3: '000000', 4: '000000005800', 11: '000002', 39: '00', 60: '36000001000' });
    expect(first.answer.fields[37]).toMatch(/^\d{12}$/);
    expect(first.answer.fields[38]).toBeUndefined();
    expect(answerMacVerifies(first.answerBytes, terminal.keys.macKey)).toBe(true);
    expect(host.queries.balance(cards.debit.pan)).toBe(cards.debit.balanceMinor - 5_800);

    const repeat = terminal.repeat(first);
    const again = terminal.send(first.request);
    for (const exchange of [repeat, again]) {
      expect(exchange.answer.mti).toBe('0230');
      expect(exchange.answer.fields[39]).toBe('00');
      expect(exchange.answer.fields[37]).toBe(first.answer.fields[37]);
    }
    expect(host.queries.balance(cards.debit.pan)).toBe(cards.debit.balanceMinor - 5_800);
    const rows = host.queries.journal({ pan: cards.debit.pan });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'sale', mti: '0220', status: 'approved', responseCode: '00', amountMinor: 5_800, entryMode: '052' });
  });

  it('a 0221 whose 0220 never arrived is booked as new', () => {
    const { host, terminal, advice } = shop();
    const repeat = terminal.repeat({ request: advice(cards.debit, 900) }, false);
    expect(repeat.code).toBe('00');
    expect(host.queries.balance(cards.debit.pan)).toBe(cards.debit.balanceMinor - 900);
  });

  it('acknowledges a TC that does not verify, or an ARQC, but journals it declined (05) and moves no money', () => {
    const { host, terminal, advice } = shop();
    const forged = terminal.send(advice(cards.debit, 5_800, iccData(cards.debit.pan, 5_800, otherKey)));
    const otherAmount = terminal.send(advice(cards.debit, 5_800, iccData(cards.debit.pan, 1, issuerMasterKey)));
    const notTc = terminal.send(advice(cards.debit, 5_800, iccData(cards.debit.pan, 5_800, issuerMasterKey, 0x80)));
    for (const exchange of [forged, otherAmount, notTc]) expect(exchange.code).toBe('00');
    expect(terminal.repeat(forged).code).toBe('00');
    expect(host.queries.balance(cards.debit.pan)).toBe(cards.debit.balanceMinor);
    const rows = host.queries.journal({ pan: cards.debit.pan });
    expect(rows.map((row) => [row.status, row.responseCode])).toEqual([
      ['declined', '05'],
      ['declined', '05'],
      ['declined', '05'],
    ]);
  });

  it('books beyond what the card may spend: the card already approved', () => {
    const { host, terminal, advice } = shop();
    expect(terminal.send(advice(cards.credit, cards.credit.balanceMinor + 5_000)).code).toBe('00');
    expect(host.queries.balance(cards.credit.pan)).toBe(-5_000);
  });

  it('refuses what is not an advice it can book, and journals none of it', () => {
    const { host, terminal, advice } = shop();
    expect(terminal.send(advice(cards.debit, 100, null)).code).toBe('30');
    const closedBatch = advice(cards.debit, 100);
    expect(terminal.send({ ...closedBatch, fields: { ...closedBatch.fields, 60: '36000009000' } }).code).toBe('12');
    const refundCode = advice(cards.debit, 100);
    expect(terminal.send({ ...refundCode, fields: { ...refundCode.fields, 3: '200000' } }).code).toBe('12');
    const unsigned = advice(cards.debit, 100);
    expect(terminal.sendBytes(unsigned, packSigned(unsigned, new Uint8Array(16))).code).toBe('A0');
    expect(host.queries.journal()).toHaveLength(0);
  });

  it('counts in the settlement totals, and an uploaded offline sale (60.1 36) matches its booking', () => {
    const { host, terminal, advice } = shop();
    const booked = terminal.send(advice(cards.debit, 5_800));
    const balanced = terminal.settle('001000000005800000000000000000');
    expect(String(balanced.answer.fields[48]).slice(30)).toBe('1');

    terminal.follow(balanced);
    const next = terminal.send(advice(cards.debit, 4_200));
    expect(String(terminal.settle('000000000000000000000000000000').answer.fields[48]).slice(30)).toBe('2');
    expect(terminal.upload(next, cards.debit).code).toBe('00');
    terminal.follow(terminal.endUpload(1));
    const [reconciliation] = host.queries.reconciliations();
    expect(reconciliation?.differences).toEqual([]);
    expect(host.queries.balance(cards.debit.pan)).toBe(cards.debit.balanceMinor - 5_800 - 4_200);
    expect(booked.code).toBe('00');
  });
});
