import { describe, expect, it } from 'vitest';
import type { ResponseCode } from '../response-codes.ts';
import { cards, hostFixture, provisionShop } from '../test-support/terminal-messages.ts';
import { TestTerminal } from '../test-support/test-terminal.ts';
import type { ScreenedRequest } from './handler.ts';

/** A screen that records what it saw and refuses the STANs it is told to. */
function screening(refuse: ReadonlyMap<string, ResponseCode>) {
  const seen: ScreenedRequest[] = [];
  const screen = () => (request: ScreenedRequest) => {
    seen.push(request);
    return { code: refuse.get(request.stan) };
  };
  return { seen, screen };
}

describe('the request screen (risk control hook)', () => {
  it('journals a refusal as a decline with its code and moves no money', () => {
    const { seen, screen } = screening(new Map([['000002', '59']]));
    const { host } = hostFixture({ screen });
    provisionShop(host);
    const terminal = TestTerminal.signedIn(host);

    const refused = terminal.sale({ card: cards.debit, amountMinor: 1_000 });
    expect(refused.code).toBe('59');
    expect(refused.answer.fields[38]).toBeUndefined();
    expect(host.queries.balance(cards.debit.pan)).toBe(500_000);
    expect(host.queries.journal()).toMatchObject([{ stan: '000002', status: 'declined', responseCode: '59' }]);
    // A repeat gets the stored refusal without a second screening.
    expect(terminal.repeat(refused).code).toBe('59');
    expect(seen).toHaveLength(1);

    expect(terminal.sale({ card: cards.debit, amountMinor: 1_000 }).code).toBe('00');
    expect(seen[1]).toEqual({
      terminalId: terminal.id,
      merchantId: terminal.merchant,
      batch: '000001',
      stan: '000003',
      panToken: expect.stringMatching(/^[0-9a-f]{64}$/),
      panMasked: '622202*********0123',
      location: 'region=310000;cell=4021',
    });
  });

  it('sees nothing that fails authentication, and no reversal', () => {
    const { seen, screen } = screening(new Map());
    const { host } = hostFixture({ screen });
    provisionShop(host);
    const terminal = TestTerminal.signedIn(host);
    const impostor = new TestTerminal(host, { ...terminal.keys, macKey: terminal.keys.pinKey });
    expect(impostor.sale({ card: cards.debit, amountMinor: 1_000 }).code).toBe('A0');
    const sale = terminal.sale({ card: cards.debit, amountMinor: 1_000 });
    terminal.reverse(sale);
    expect(seen.map((request) => request.stan)).toEqual([sale.request.fields[11]]);
  });
});
