import { describe, expect, it } from 'vitest';
import { withMac } from '../../protocol/iso8583/codec.ts';
import {
  answerMacVerifies,
  cards,
  hostFixture,
  merchantId,
  packSigned,
  provisionShop,
  readAnswer,
  saleMessage,
  saleRequest,
  signIn,
  terminalId,
} from '../test-support/terminal-messages.ts';
import type { SaleSpec, WorkingKeysInClear } from '../test-support/terminal-messages.ts';

function signedInShop() {
  const fixture = hostFixture();
  provisionShop(fixture.host);
  const keys = signIn(fixture.host);
  const sell = (spec: SaleSpec, withKeys: WorkingKeysInClear = keys) => {
    const bytes = fixture.host.handle(saleRequest(spec, withKeys));
    return { bytes: bytes!, message: readAnswer(bytes).message };
  };
  return { ...fixture, keys, sell };
}

describe('sale 0200/0210', () => {
  it('approves a chip sale with the right PIN, debits the balance once and MACs the answer', () => {
    const { host, keys, sell } = signedInShop();
    const { bytes, message } = sell({ stan: '000002', amountMinor: 12_850, card: cards.debit, pin: cards.debit.pin });

    expect(message.mti).toBe('0210');
    expect(message.fields[39]).toBe('00');
    expect(message.fields[38]).toMatch(/^\d{6}$/);
    expect(message.fields[37]).toMatch(/^\d{12}$/);
    expect(message.fields).toMatchObject({
      2: cards.debit.pan,
      3: '000000',
      4: '000000012850',
      11: '000002',
      14: cards.debit.expiry,
      41: terminalId,
      42: merchantId,
      49: '156',
      60: '22000001000',
    });
    expect(answerMacVerifies(bytes, keys.macKey)).toBe(true);
    expect(host.queries.balance(cards.debit.pan)).toBe(500_000 - 12_850);

    const rows = host.queries.journal({ pan: cards.debit.pan });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      terminalId,
      merchantId,
      batch: '000001',
      stan: '000002',
      mti: '0200',
      amountMinor: 12_850,
      panMasked: '622202*********0123',
      entryMode: '051',
      responseCode: '00',
      authCode: message.fields[38],
      rrn: message.fields[37],
      status: 'approved',
    });
    expect(JSON.stringify(rows)).not.toContain(cards.debit.pan);
  });

  it('approves a swipe sale, taking PAN and expiry from track 2', () => {
    const { host, sell } = signedInShop();
    const { message } = sell({ stan: '000002', amountMinor: 100, card: cards.debit, pin: cards.debit.pin, entry: 'swipe' });
    expect(message.fields[39]).toBe('00');
    expect(message.fields[2]).toBe(cards.debit.pan);
    expect(message.fields[14]).toBe(cards.debit.expiry);
    expect(host.queries.journal()[0]?.entryMode).toBe('021');
  });

  it('never books the same STAN twice', () => {
    const { host, keys, sell } = signedInShop();
    const spec = { stan: '000002', amountMinor: 1_000, card: cards.debit, pin: cards.debit.pin };
    expect(sell(spec).message.fields[39]).toBe('00');
    const again = sell(spec);
    expect(again.message.fields[39]).toBe('94');
    expect(answerMacVerifies(again.bytes, keys.macKey)).toBe(true);
    expect(host.queries.balance(cards.debit.pan)).toBe(499_000);
    expect(host.queries.journal()).toHaveLength(1);
  });

  it('declines 51 when the balance is short, with no effect on it', () => {
    const { host, sell } = signedInShop();
    const { message } = sell({ stan: '000002', amountMinor: 500_001, card: cards.debit, pin: cards.debit.pin });
    expect(message.fields[39]).toBe('51');
    expect(message.fields[38]).toBeUndefined();
    expect(host.queries.balance(cards.debit.pan)).toBe(500_000);
    expect(host.queries.journal()).toMatchObject([{ status: 'declined', responseCode: '51', authCode: undefined }]);
  });

  it('declines 55 for a wrong PIN and 75 from the third wrong try on, even for the right PIN', () => {
    const { host, sell } = signedInShop();
    const codes = ['0002', '0003', '0004'].map(
      (stan) => sell({ stan: `00${stan}`, amountMinor: 100, card: cards.debit, pin: '999999' }).message.fields[39],
    );
    expect(codes).toEqual(['55', '55', '75']);
    expect(sell({ stan: '000005', amountMinor: 100, card: cards.debit, pin: cards.debit.pin }).message.fields[39]).toBe('75');
    expect(host.queries.balance(cards.debit.pan)).toBe(500_000);
  });

  it('clears the wrong-PIN count after a right PIN', () => {
    const { sell } = signedInShop();
    sell({ stan: '000002', amountMinor: 100, card: cards.debit, pin: '999999' });
    sell({ stan: '000003', amountMinor: 100, card: cards.debit, pin: '999999' });
    expect(sell({ stan: '000004', amountMinor: 100, card: cards.debit, pin: cards.debit.pin }).message.fields[39]).toBe('00');
    expect(sell({ stan: '000005', amountMinor: 100, card: cards.debit, pin: '999999' }).message.fields[39]).toBe('55');
  });

  it('declines 55 when a debit card comes without a PIN, and lets a credit card sign', () => {
    const { host, sell } = signedInShop();
    expect(sell({ stan: '000002', amountMinor: 100, card: cards.debit }).message.fields[39]).toBe('55');
    expect(sell({ stan: '000003', amountMinor: 100, card: cards.credit }).message.fields[39]).toBe('00');
    expect(host.queries.balance(cards.credit.pan)).toBe(99_900);
  });

  it('declines 55 for a PIN block made under another key', () => {
    const { sell, keys } = signedInShop();
    const otherKeys = { pinKey: keys.macKey, macKey: keys.macKey };
    expect(sell({ stan: '000002', amountMinor: 100, card: cards.debit, pin: cards.debit.pin }, otherKeys).message.fields[39]).toBe('55');
  });

  it('declines 54 for an expired card and 41 for a lost one', () => {
    const { host, sell } = signedInShop();
    expect(sell({ stan: '000002', amountMinor: 100, card: cards.expired, pin: cards.expired.pin }).message.fields[39]).toBe('54');
    expect(sell({ stan: '000003', amountMinor: 100, card: cards.lost, pin: cards.lost.pin }).message.fields[39]).toBe('41');
    expect(host.queries.journal({ status: 'declined' }).map((row) => row.responseCode)).toEqual(['54', '41']);
  });

  it('declines 14 for a card the issuer does not know', () => {
    const { sell } = signedInShop();
    const stranger = { pan: '6222029999999999999', expiry: '2812' };
    expect(sell({ stan: '000002', amountMinor: 100, card: stranger, pin: '123456' }).message.fields[39]).toBe('14');
  });

  it('answers A0 with no effect when the MAC does not verify', () => {
    const { host, keys } = signedInShop();
    const spec = { stan: '000002', amountMinor: 100, card: cards.debit, pin: cards.debit.pin };
    const genuineMac = saleRequest(spec, keys).slice(-8);
    const altered = withMac(packSigned(saleMessage({ ...spec, amountMinor: 1 }, keys), keys.macKey), genuineMac);
    const underAnotherKey = saleRequest({ ...spec, stan: '000003' }, { ...keys, macKey: keys.pinKey });

    for (const request of [altered, underAnotherKey]) {
      const answer = host.handle(request)!;
      expect(readAnswer(answer).message.fields[39]).toBe('A0');
      expect(answerMacVerifies(answer, keys.macKey)).toBe(true);
    }
    expect(host.queries.balance(cards.debit.pan)).toBe(500_000);
    expect(host.queries.journal()).toHaveLength(0);
  });

  it('refuses the keys of the sign-in before as soon as the terminal signs in again (A0), and takes the new ones', () => {
    const { host, keys, sell } = signedInShop();
    const spec = { amountMinor: 100, card: cards.debit, pin: cards.debit.pin };
    expect(sell({ ...spec, stan: '000002' }).message.fields[39]).toBe('00');
    const renewed = signIn(host, '000003');
    expect(sell({ ...spec, stan: '000004' }, keys).message.fields[39]).toBe('A0');
    const { bytes, message } = sell({ ...spec, stan: '000005' }, renewed);
    expect(message.fields[39]).toBe('00');
    expect(answerMacVerifies(bytes, renewed.macKey)).toBe(true);
    expect(answerMacVerifies(bytes, keys.macKey)).toBe(false);
  });

  it('answers 97 to a sale before sign-in, and 03 to a sale for another merchant that risk control lets by', () => {
    const { host } = hostFixture({ screen: () => () => ({ code: undefined }) });
    provisionShop(host);
    const notYet = { pinKey: new Uint8Array(16), macKey: new Uint8Array(16) };
    const early = readAnswer(host.handle(saleRequest({ stan: '000001', amountMinor: 100, card: cards.debit, pin: '123456' }, notYet)));
    expect(early.message.fields[39]).toBe('97');

    const keys = signIn(host);
    const elsewhere = host.handle(
      saleRequest({ stan: '000002', amountMinor: 100, card: cards.debit, pin: '123456', merchant: '898310048169999' }, keys),
    );
    expect(readAnswer(elsewhere).message.fields[39]).toBe('03');
    expect(host.queries.journal()).toHaveLength(0);
  });

  it('reports requests and responses without card data', () => {
    const { events, sell } = signedInShop();
    sell({ stan: '000002', amountMinor: 100, card: cards.debit, pin: cards.debit.pin });
    expect(events.filter((event) => event.kind === 'request').at(-1)?.detail).toEqual({ mti: '0200', stan: '000002', terminal: terminalId });
    expect(events.filter((event) => event.kind === 'response').at(-1)?.detail).toEqual({ mti: '0210', code: '00' });
    expect(JSON.stringify(events)).not.toContain(cards.debit.pan);
  });
});
