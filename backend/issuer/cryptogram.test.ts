import { describe, expect, it } from 'vitest';
import { iccData, issuerMasterKey, otherIssuerKey } from '../test-support/chip-data.ts';
import {
  cards,
  hostFixture,
  packSigned,
  provisionShop,
  readAnswer,
  saleMessage,
  signIn,
} from '../test-support/terminal-messages.ts';

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
    expect(chipSale('000002', iccData(cards.debit.pan, 12_850, issuerMasterKey))).toEqual({ code: '00', balance: cards.debit.balanceMinor - 12_850 });
  });

  it('declines 05 with no money moved when the ARQC was made by another key or for another amount', () => {
    expect(chipSale('000002', iccData(cards.debit.pan, 12_850, otherIssuerKey))).toEqual({ code: '05', balance: cards.debit.balanceMinor });
    expect(chipSale('000002', iccData(cards.debit.pan, 1, issuerMasterKey))).toEqual({ code: '05', balance: cards.debit.balanceMinor });
  });
});
