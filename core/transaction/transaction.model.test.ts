import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededRandom } from '../../platform/random.ts';
import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { maskPan } from '../../protocol/iso8583/describe.ts';
import type { Exchange, HostExchange } from '../host-client.ts';
import { PanVault } from '../pan-vault.ts';
import { TraceCounter } from '../trace.ts';
import { TransactionJournal } from './journal.ts';
import { reverseUnfinished, sendFinancial, type ExchangeDeps } from './exchange.ts';
import { blocksNewBusiness, reversalsOwed } from './machine.ts';
import { flushReversals } from './reversals-owed.ts';
import type { TransactionRecord } from './record.ts';
import { financialRequest, KIND_CODES, type CardData } from './requests.ts';
import { batchTotals } from './totals.ts';

/**
 * Model-based test of the transaction layer against a model acquirer: random sequences of
 * sales, lost requests and answers, bad MACs, dead printers, power cuts and reversal flushes.
 * After every step the terminal's journal and the host's books must agree on where every fen
 * is; after a final flush over a healthy network nothing may be left pending.
 */
const PAN = '6222021234567890123';
const CARD: CardData = { pan: PAN, expiry: '3012', track2: `${PAN}=30122010000000000`, entry: 'chip', panSequence: '01' };

type Behaviour = 'answer' | 'decline' | 'lose-request' | 'lose-answer' | 'bad-mac' | 'no-mac' | 'link-down' | 'hang';

/** The acquirer's books as a model: one booking per (batch, STAN, MTI), reversible once. */
class ModelAcquirer implements HostExchange {
  readonly bookings = new Map<string, { amountMinor: number; reversed: boolean }>();
  resubmissions = 0;
  financial: Behaviour = 'answer';
  reversal: Behaviour = 'answer';
  /** Resolves when an exchange hangs: the test then pulls the plug. */
  private hung: (() => void) | undefined;

  hangs(): Promise<'hung'> {
    return new Promise((resolve) => (this.hung = () => resolve('hung')));
  }

  exchange(request: IsoMessage): Promise<Exchange> {
    const reversal = request.mti.startsWith('04');
    const behaviour = reversal ? this.reversal : this.financial;
    if (behaviour === 'link-down') return Promise.resolve({ kind: 'link-down' });
    if (behaviour === 'lose-request') return Promise.resolve({ kind: 'no-answer' });
    const key = `${String(request.fields[60]).slice(2, 8)}/${String(request.fields[11])}`;
    if (reversal) {
      // A reversal answer with a bad MAC is line noise, not the host's word: nothing was reversed.
      const booking = this.bookings.get(key);
      if (booking && behaviour !== 'bad-mac') booking.reversed = true;
    } else if (behaviour !== 'decline') {
      if (this.bookings.has(key)) this.resubmissions += 1;
      this.bookings.set(key, { amountMinor: Number(request.fields[4]), reversed: false });
    }
    if (behaviour === 'hang') {
      this.hung?.();
      return new Promise<Exchange>(() => undefined);
    }
    if (behaviour === 'lose-answer') return Promise.resolve({ kind: 'no-answer' });
    const code = behaviour === 'decline' && !reversal ? '51' : '00';
    const macValid = behaviour === 'bad-mac' ? false : behaviour === 'no-mac' ? undefined : true;
    const response: IsoMessage = { mti: `${request.mti.slice(0, 2)}10`, fields: { 11: request.fields[11]!, 37: '000000000001', 38: '123456', 39: code, 13: '1122' } };
    return Promise.resolve({ kind: 'answered', response, macValid });
  }

  effective(): Map<string, number> {
    return new Map([...this.bookings].filter(([, b]) => !b.reversed).map(([key, b]) => [key, b.amountMinor]));
  }
}

class Terminal {
  readonly flash = new Map<string, string>();
  readonly store = { read: (k: string) => this.flash.get(k), write: (k: string, v: string) => void this.flash.set(k, v) };
  readonly host = new ModelAcquirer();
  readonly vault = new PanVault(new Uint8Array(32).fill(7), seededRandom(1));
  journal = new TransactionJournal(this.store);
  readonly trace = new TraceCounter(this.store);

  deps(): ExchangeDeps {
    return {
      journal: this.journal,
      host: this.host,
      mac: () => Promise.resolve(new Uint8Array(8)),
      openPan: (sealed) => this.vault.open(sealed),
      identity: { terminalId: '10000001', merchantId: '898310048160001' },
      responseTimeoutMs: 60_000,
    };
  }

  newSale(amountMinor: number): { record: TransactionRecord; request: IsoMessage } {
    const codes = KIND_CODES.sale;
    const record: TransactionRecord = {
      kind: 'sale',
      stan: this.trace.next(),
      batch: this.trace.batch(),
      ...codes,
      amountMinor,
      panMasked: maskPan(PAN),
      panSealed: this.vault.seal(PAN),
      expiry: CARD.expiry,
      entryMode: '051',
      at: 0,
      operator: '01',
      state: 'sent',
      reversalAttempts: 0,
    };
    return { record, request: financialRequest(this.deps().identity, record, CARD, new Uint8Array(8), 'region=310000') };
  }

  /** Runs `work`; if the host hangs on the way, the power is cut there. False when it was. */
  async unlessHung(work: () => Promise<void>): Promise<boolean> {
    const hung = this.host.hangs();
    const result = await Promise.race([work().then(() => 'done' as const), hung]);
    if (result === 'hung') this.powerCycle();
    return result === 'done';
  }

  /** A power cut: the old application is gone mid-await; a new one recovers from flash. */
  powerCycle(): void {
    this.journal = new TransactionJournal(this.store);
    this.journal.recover();
  }
}

type Model = Record<string, never>;
type Printer = 'ok' | 'dead' | 'no-paper';

class SaleCommand implements fc.AsyncCommand<Model, Terminal> {
  constructor(
    readonly amountMinor: number,
    readonly financial: Behaviour,
    readonly reversal: Behaviour,
    readonly printer: Printer,
  ) {}
  check = () => true;
  async run(_: Model, t: Terminal): Promise<void> {
    t.host.financial = this.financial;
    t.host.reversal = this.reversal;
    let blocked = false;
    if (reversalsOwed(t.journal.records()).length > 0) {
      if (!(await t.unlessHung(async () => void (blocked = (await flushReversals(t.deps())).blocked)))) return;
    }
    if (blocked) return;
    const { record, request } = t.newSale(this.amountMinor);
    await t.unlessHung(async () => {
      const outcome = await sendFinancial(t.deps(), record, request);
      if (outcome.kind !== 'approved') return;
      if (this.printer === 'dead') await reverseUnfinished(t.deps(), outcome.record, 'printer-dead');
      else t.journal.apply(outcome.record, { kind: this.printer === 'ok' ? 'receipt-printed' : 'receipt-not-printed' });
    });
  }
  toString = () => `sale(${this.amountMinor}, host ${this.financial}, reversal ${this.reversal}, printer ${this.printer})`;
}

class PowerCutBeforeReceiptCommand implements fc.AsyncCommand<Model, Terminal> {
  constructor(readonly amountMinor: number) {}
  check = () => true;
  async run(_: Model, t: Terminal): Promise<void> {
    t.host.financial = 'answer';
    if (blocksNewBusiness(t.journal.records())) return;
    const { record, request } = t.newSale(this.amountMinor);
    await sendFinancial(t.deps(), record, request);
    t.powerCycle();
  }
  toString = () => `power cut after approval of ${this.amountMinor}`;
}

class FlushCommand implements fc.AsyncCommand<Model, Terminal> {
  constructor(readonly reversal: Behaviour) {}
  check = () => true;
  async run(_: Model, t: Terminal): Promise<void> {
    t.host.reversal = this.reversal;
    await t.unlessHung(async () => void (await flushReversals(t.deps())));
  }
  toString = () => `flush reversals (host ${this.reversal})`;
}

/** Where every fen is: the host holds money only for what the terminal completed or still owes a reversal for. */
function checkAgreement(t: Terminal): void {
  const records = t.journal.records();
  expect(records.filter((r) => r.state === 'sent' || r.state === 'approved')).toEqual([]);
  expect(new Set(records.map((r) => `${r.batch}/${r.stan}`)).size).toBe(records.length);
  expect(t.host.resubmissions).toBe(0);
  const effective = t.host.effective();
  for (const record of records) {
    const held = effective.has(`${record.batch}/${record.stan}`);
    if (record.state === 'completed') expect(held, `completed ${record.stan} must be booked`).toBe(true);
    if (held) expect(['completed', 'reversal-due', 'reversal-held']).toContain(record.state);
  }
  expect([...t.flash.values()].join('\n')).not.toContain(PAN);
}

const behaviour = fc.constantFrom<Behaviour>('answer', 'answer', 'answer', 'decline', 'lose-request', 'lose-answer', 'bad-mac', 'no-mac', 'link-down', 'hang');
const commands = [
  fc.tuple(fc.integer({ min: 1, max: 99_999 }), behaviour, behaviour, fc.constantFrom<Printer>('ok', 'ok', 'dead', 'no-paper')).map(
    ([amount, financial, reversal, printer]) => new SaleCommand(amount, financial, reversal, printer),
  ),
  fc.integer({ min: 1, max: 99_999 }).map((amount) => new PowerCutBeforeReceiptCommand(amount)),
  behaviour.map((b) => new FlushCommand(b)),
];

describe('transaction layer (model-based)', () => {
  it('never loses or doubles money, never sticks, never keeps a clear PAN', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        const terminal = new Terminal();
        await fc.asyncModelRun(() => ({ model: {}, real: terminal }), [...cmds].map((c) => wrapChecked(c)));
        terminal.host.reversal = 'answer';
        await flushReversals(terminal.deps());
        const records = terminal.journal.records();
        expect(reversalsOwed(records)).toEqual([]);
        checkAgreement(terminal);
        const completed = records.filter((r) => r.state === 'completed');
        const effective = terminal.host.effective();
        expect(new Set(effective.keys())).toEqual(new Set(completed.map((r) => `${r.batch}/${r.stan}`)));
        const hostTotal = [...effective.values()].reduce((a, b) => a + b, 0);
        expect(batchTotals(records, terminal.trace.batch()).debitMinor).toBe(hostTotal);
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });
});

function wrapChecked(command: fc.AsyncCommand<Model, Terminal>): fc.AsyncCommand<Model, Terminal> {
  return {
    check: (m) => command.check(m),
    run: async (m, t) => {
      await command.run(m, t);
      checkAgreement(t);
    },
    toString: () => command.toString(),
  };
}
