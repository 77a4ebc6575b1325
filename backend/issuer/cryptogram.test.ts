import { describe, expect, it } from 'vitest';
import { ARQC_CDOL1, arqcData, computeArqc, deriveIccKey } from '../../protocol/emv/arqc.ts';
import { encodeTlv, type Tlv } from '../../protocol/emv/tlv.ts';
import {
  cards,
  hostFixture,
  packSigned,
  provisionShop,
  readAnswer,
  saleMessage,
  signIn,
} from '../test-support/terminal-messages.ts';

const issuerMasterKey = Uint8Array.from(Buffer.from('0123456789ABCDEFFEDCBA9876543210', 'hex'));

/** Field 55 as a genuine card would fill it for this amount: the ARQC covers the CDOL1 data. */
function iccData(amountMinor: number, key: Uint8Array): Uint8Array {
  const values: Record<string, string> = {
    '9F02': String(amountMinor).padStart(12, '0'),
    '9F03': '000000000000',
    '9F1A': '0156',
    '95': '0000000000',
    '5F2A': '0156',
    '9A': '261122',
    '9C': '00',
    '9F37': '1A2B3C4D',
  };
  const items: Tlv[] = ARQC_CDOL1.map(({ tag }) => ({ tag, value: Buffer.from(values[tag]!, 'hex') }));
  const aip = Uint8Array.of(0x18, 0x00);
  const atc = Uint8Array.of(0x00, 0x01);
  const cdol1 = Buffer.concat(items.map((item) => item.value));
  const arqc = computeArqc(deriveIccKey(key, cards.debit.pan, '01'), arqcData(cdol1, aip, atc));
  return encodeTlv([...items, { tag: '82', value: aip }, { tag: '9F36', value: atc }, { tag: '9F26', value: arqc }]);
}

function chipSale(stan: string, field55: Uint8Array) {
  const { host } = hostFixture({ issuerMasterKey });
  provisionShop(host);
  const keys = signIn(host);
  const sale = saleMessage({ stan, amountMinor: 12_850, card: cards.debit, pin: cards.debit.pin }, keys);
  const answer = readAnswer(host.handle(packSigned({ mti: '0200', fields: { ...sale.fields, 55: field55 } }, keys.macKey)));
  return { code: answer.message.fields[39], balance: host.queries.balance(cards.debit.pan) };
}

describe('chip cryptogram check', () => {
  it('approves a chip sale whose ARQC the issuer master key verifies', () => {
    expect(chipSale('000002', iccData(12_850, issuerMasterKey))).toEqual({ code: '00', balance: cards.debit.balanceMinor - 12_850 });
  });

  it('declines 05 with no money moved when the ARQC was made by another key or for another amount', () => {
    const otherKey = Uint8Array.from(Buffer.from('FEDCBA98765432100123456789ABCDEF', 'hex'));
    expect(chipSale('000002', iccData(12_850, otherKey))).toEqual({ code: '05', balance: cards.debit.balanceMinor });
    expect(chipSale('000002', iccData(1, issuerMasterKey))).toEqual({ code: '05', balance: cards.debit.balanceMinor });
  });
});
