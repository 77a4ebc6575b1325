import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IsoMessage } from '../protocol/iso8583/types.ts';
import type { Exchange, HostExchange } from './host-client.ts';
import { forwardAdvices, OFFLINE_SALE_CODES } from './offline-advice.ts';
import type { ExchangeDeps } from './transaction/exchange.ts';
import { TransactionJournal } from './transaction/journal.ts';
import { advicesOwed } from './transaction/machine.ts';
import type { TransactionRecord } from './transaction/record.ts';
import { batchTotals } from './transaction/totals.ts';

/**
 * Model-based test of store-and-forward: random sequences of offline sales, advice flushes
 * over a network that loses requests or answers, garbles MACs or is down, and power cuts
 * mid-advice. The model host books an advice once per (batch, STAN). Throughout, the terminal
 * never sends a plain 0220 for an advice that may already have arrived; after a final flush
 * over a healthy network every offline sale is booked exactly once and nothing is owed.
 */
type Behaviour = 'answer' | 'lose-request' | 'lose-answer' | 'bad-mac' | 'link-down' | 'power-cut';

class ModelHost implements HostExchange {
  readonly booked = new Map<string, number>();
  /** Keys that reached the host, booked or not: a plain 0220 for one of them breaks the protocol. */
  readonly arrived = new Set<string>();
  plainAfterArrival = 0;
  behaviour: Behaviour = 'answer';
  private cut: (() => void) | undefined;

  powerCut(): Promise<'cut'> {
    return new Promise((resolve) => (this.cut = () => resolve('cut')));
  }

  exchange(request: IsoMessage): Promise<Exchange> {
    const { behaviour } = this;
    if (behaviour === 'link-down') return Promise.resolve({ kind: 'link-down' });
    if (behaviour === 'lose-request') return Promise.resolve({ kind: 'no-answer' });
    const key = `${String(request.fields[60]).slice(2, 8)}/${String(request.fields[11])}`;
    if (request.mti === '0220' && this.arrived.has(key)) this.plainAfterArrival += 1;
    this.arrived.add(key);
    if (!this.booked.has(key)) this.booked.set(key, Number(request.fields[4]));
    if (behaviour === 'power-cut') {
      this.cut?.();
      return new Promise<Exchange>(() => undefined);
    }
    if (behaviour === 'lose-answer') return Promise.resolve({ kind: 'no-answer' });
    const response = { mti: '0230', fields: { 39: '00', 37: '000000000001' } };
    return Promise.resolve({ kind: 'answered', response, macValid: behaviour !== 'bad-mac' });
  }
}

type Action = { kind: 'sale'; amountMinor: number } | { kind: 'flush'; behaviour: Behaviour };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('sale' as const), amountMinor: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({
    kind: fc.constant('flush' as const),
    behaviour: fc.constantFrom<Behaviour>('answer', 'lose-request', 'lose-answer', 'bad-mac', 'link-down', 'power-cut'),
  }),
);

function offlineSale(stan: number, amountMinor: number): TransactionRecord {
  return {
    kind: 'sale',
    stan: String(stan).padStart(6, '0'),
    batch: '000001',
    ...OFFLINE_SALE_CODES,
    amountMinor,
    panMasked: '622202*********0123',
    panSealed: '6222021234567890123',
    expiry: '3012',
    entryMode: '052',
    at: 0,
    operator: '01',
    state: 'advice-due',
    reversalAttempts: 0,
    tc: '00',
    iccSealed: '9F270140',
  };
}

describe('offline advices, model-based', () => {
  it('book every offline sale exactly once, whatever the network and the power do', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 25 }), async (actions) => {
        const cells = new Map<string, string>();
        const flash = { read: (k: string) => cells.get(k), write: (k: string, v: string) => void cells.set(k, v) };
        const host = new ModelHost();
        // Each power-on builds a new journal over the same flash, as the terminal does.
        const deps = (): ExchangeDeps => ({
          journal: new TransactionJournal(flash),
          host,
          mac: async () => new Uint8Array(8),
          openPan: (sealed) => sealed,
          identity: { terminalId: '10000001', merchantId: '898310048160001' },
          responseTimeoutMs: 60_000,
        });
        let stan = 1;
        for (const step of actions) {
          if (step.kind === 'sale') {
            deps().journal.approveOffline(offlineSale(stan++, step.amountMinor));
            continue;
          }
          host.behaviour = step.behaviour;
          if (step.behaviour === 'power-cut') {
            const cut = host.powerCut();
            await Promise.race([forwardAdvices(deps()), cut]);
          } else {
            await forwardAdvices(deps());
          }
          expect(host.plainAfterArrival).toBe(0);
        }
        host.behaviour = 'answer';
        expect(await forwardAdvices(deps())).toEqual({ owed: 0, linkDown: false });
        const records = new TransactionJournal(flash).records();
        expect(advicesOwed(records)).toEqual([]);
        expect(host.plainAfterArrival).toBe(0);
        expect([...host.booked.values()].reduce((sum, amount) => sum + amount, 0)).toBe(batchTotals(records, '000001').debitMinor);
        expect(host.booked.size).toBe(records.length);
      }),
      { seed: 2200, numRuns: 200 },
    );
  });
});
