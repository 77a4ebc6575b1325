import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AcquirerHost } from '../host.ts';
import { hostFixture, merchantId, terminalId, terminalMasterKey } from '../test-support/terminal-messages.ts';
import { TestTerminal } from '../test-support/test-terminal.ts';
import type { Exchange } from '../test-support/test-terminal.ts';

/**
 * Model-based property: random sequences of sales, pre-authorisations, completions, voids,
 * refunds, reversals and repeats. The model predicts every response code and every card's
 * ledger and holds from the wire contract alone; after each step the host must agree, its
 * journal must add up to the same money, and nothing may be booked twice.
 */
const cardsUnderTest = [
  { pan: '6222021234567890123', expiry: '2812', pin: '123456', balanceMinor: 200_000, product: 'debit' as const },
  { pan: '6250941234567890444', expiry: '2812', pin: '4321', balanceMinor: 50_000, product: 'credit' as const },
];
type CardIndex = 0 | 1;
const MAX_TRIES = 3;

type Kind = 'sale' | 'preauth' | 'completion' | 'void' | 'refund' | 'reversal';

interface Txn {
  readonly kind: Kind;
  readonly card: CardIndex;
  readonly exchange: Exchange;
  /** Approved amount (00 only). */
  readonly amount: number;
  readonly approved: boolean;
  readonly original: Txn | undefined;
  reversed: boolean;
  /** A reversal was sent for it: the host handles one reversal per original and replays its answer after. */
  reversalSent: boolean;
  voided: boolean;
  refunded: number;
  holdOpen: boolean;
}

interface Model {
  readonly ledger: number[];
  readonly held: number[];
  readonly tries: number[];
  readonly txns: Txn[];
}

interface Real {
  readonly host: AcquirerHost;
  readonly terminal: TestTerminal;
}

type Step = fc.Command<Model, Real>;

/** After every step: the host's ledger and holds are the model's. */
function agree(model: Model, real: Real): void {
  cardsUnderTest.forEach((entry, i) => {
    const account = real.host.queries.account(entry.pan);
    expect([account.ledgerMinor, account.heldMinor]).toEqual([model.ledger[i], model.held[i]]);
  });
}

const card = (index: CardIndex) => cardsUnderTest[index] as (typeof cardsUnderTest)[number];

function record(model: Model, txn: Omit<Txn, 'reversed' | 'reversalSent' | 'voided' | 'refunded' | 'holdOpen'>): Txn {
  const full: Txn = { ...txn, reversed: false, reversalSent: false, voided: false, refunded: 0, holdOpen: txn.kind === 'preauth' && txn.approved };
  model.txns.push(full);
  return full;
}

function pick<T>(list: readonly T[], at: number): T | undefined {
  return list.length === 0 ? undefined : list[at % list.length];
}

/** The issuer's PIN and funds rules for a debit (sale, pre-authorisation), as the wire doc states them. */
function predictDebit(model: Model, index: CardIndex, amount: number, wrongPin: boolean): string {
  if (model.tries[index]! >= MAX_TRIES) return '75';
  if (wrongPin) {
    model.tries[index]! += 1;
    return model.tries[index]! >= MAX_TRIES ? '75' : '55';
  }
  model.tries[index] = 0;
  return amount > model.ledger[index]! - model.held[index]! ? '51' : '00';
}

class DebitStep implements Step {
  constructor(
    readonly kind: 'sale' | 'preauth',
    readonly index: CardIndex,
    readonly amount: number,
    readonly wrongPin: boolean,
  ) {}
  check = () => true;
  run(model: Model, real: Real) {
    const spec = { card: card(this.index), amountMinor: this.amount, pin: this.wrongPin ? '999999' : card(this.index).pin };
    const exchange = this.kind === 'sale' ? real.terminal.sale(spec) : real.terminal.preAuthorise(spec);
    const expected = predictDebit(model, this.index, this.amount, this.wrongPin);
    expect(exchange.code).toBe(expected);
    const approved = expected === '00';
    if (approved && this.kind === 'sale') model.ledger[this.index]! -= this.amount;
    if (approved && this.kind === 'preauth') model.held[this.index]! += this.amount;
    record(model, { kind: this.kind, card: this.index, exchange, amount: this.amount, approved, original: undefined });
    agree(model, real);
  }
  toString = () => `${this.kind}(card ${this.index}, ${this.amount}${this.wrongPin ? ', wrong PIN' : ''})`;
}

class VoidStep implements Step {
  constructor(readonly at: number) {}
  check = (model: Readonly<Model>) => model.txns.some((txn) => txn.kind === 'sale');
  run(model: Model, real: Real) {
    const sale = pick(model.txns.filter((txn) => txn.kind === 'sale'), this.at)!;
    const exchange = real.terminal.voidSale(sale.exchange, card(sale.card));
    const approved = sale.approved && !sale.reversed && !sale.voided && sale.refunded === 0;
    expect(exchange.code).toBe(approved ? '00' : '12');
    if (approved) {
      sale.voided = true;
      model.ledger[sale.card]! += sale.amount;
    }
    record(model, { kind: 'void', card: sale.card, exchange, amount: sale.amount, approved, original: sale });
    agree(model, real);
  }
  toString = () => `void(#${this.at})`;
}

class RefundStep implements Step {
  constructor(
    readonly at: number,
    readonly amount: number,
  ) {}
  check = (model: Readonly<Model>) => model.txns.some((txn) => txn.kind === 'sale');
  run(model: Model, real: Real) {
    const sale = pick(model.txns.filter((txn) => txn.kind === 'sale'), this.at)!;
    const exchange = real.terminal.refund(sale.exchange, card(sale.card), this.amount);
    const approved = sale.approved && !sale.reversed && !sale.voided && sale.refunded + this.amount <= sale.amount;
    expect(exchange.code).toBe(approved ? '00' : '12');
    if (approved) {
      sale.refunded += this.amount;
      model.ledger[sale.card]! += this.amount;
    }
    record(model, { kind: 'refund', card: sale.card, exchange, amount: this.amount, approved, original: sale });
    agree(model, real);
  }
  toString = () => `refund(#${this.at}, ${this.amount})`;
}

class CompletionStep implements Step {
  constructor(
    readonly at: number,
    readonly permille: number,
  ) {}
  check = (model: Readonly<Model>) => model.txns.some((txn) => txn.kind === 'preauth' && txn.approved);
  run(model: Model, real: Real) {
    const preAuth = pick(model.txns.filter((txn) => txn.kind === 'preauth' && txn.approved), this.at)!;
    const amount = Math.max(1, Math.floor((preAuth.amount * this.permille) / 1_000));
    const exchange = real.terminal.complete(preAuth.exchange, card(preAuth.card), amount);
    const approved = !preAuth.reversed && preAuth.holdOpen && amount <= preAuth.amount;
    expect(exchange.code).toBe(approved ? '00' : '12');
    if (approved) {
      preAuth.holdOpen = false;
      model.held[preAuth.card]! -= preAuth.amount;
      model.ledger[preAuth.card]! -= amount;
    }
    record(model, { kind: 'completion', card: preAuth.card, exchange, amount, approved, original: preAuth });
    agree(model, real);
  }
  toString = () => `completion(#${this.at}, ${this.permille}‰)`;
}

class ReversalStep implements Step {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {}
  check = (model: Readonly<Model>) => model.txns.some((txn) => txn.kind !== 'reversal');
  run(model: Model, real: Real) {
    const target = pick(model.txns.filter((txn) => txn.kind !== 'reversal'), this.at)!;
    const exchange = real.terminal.reverse(target.exchange, this.reason);
    expect(exchange.code).toBe('00');
    if (!target.reversalSent && target.approved && !blocked(target)) undo(model, target);
    target.reversalSent = true;
    record(model, { kind: 'reversal', card: target.card, exchange, amount: 0, approved: true, original: target });
    agree(model, real);
  }
  toString = () => `reversal(#${this.at}, ${this.reason})`;
}

function blocked(txn: Txn): boolean {
  return (txn.kind === 'sale' && (txn.voided || txn.refunded > 0)) || (txn.kind === 'preauth' && !txn.holdOpen);
}

function undo(model: Model, txn: Txn): void {
  const { card: index, original } = txn;
  txn.reversed = true;
  if (txn.kind === 'sale') model.ledger[index]! += txn.amount;
  if (txn.kind === 'preauth') {
    txn.holdOpen = false;
    model.held[index]! -= txn.amount;
  }
  if (txn.kind === 'completion') {
    model.ledger[index]! += txn.amount;
    if (original && !original.reversed) {
      original.holdOpen = true;
      model.held[index]! += original.amount;
    }
  }
  if (txn.kind === 'void' && original) {
    original.voided = false;
    model.ledger[index]! -= txn.amount;
  }
  if (txn.kind === 'refund' && original) {
    original.refunded -= txn.amount;
    model.ledger[index]! -= txn.amount;
  }
}

class RepeatStep implements Step {
  constructor(
    readonly at: number,
    readonly keepMac: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.txns.length > 0;
  run(model: Model, real: Real) {
    const target = pick(model.txns, this.at)!;
    const repeat = real.terminal.repeat(target.exchange, this.keepMac);
    for (const field of [4, 37, 38, 39]) expect(repeat.answer.fields[field]).toEqual(target.exchange.answer.fields[field]);
    agree(model, real);
  }
  toString = () => `repeat(#${this.at})`;
}

const index = fc.constantFrom<CardIndex>(0, 1);
const steps = [
  fc.tuple(index, fc.integer({ min: 1, max: 60_000 }), fc.boolean()).map(([i, amount, wrong]) => new DebitStep('sale', i, amount, wrong && amount % 10 === 0)),
  fc.tuple(index, fc.integer({ min: 1, max: 60_000 })).map(([i, amount]) => new DebitStep('preauth', i, amount, false)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 1_000 })).map(([at, permille]) => new CompletionStep(at, permille)),
  fc.nat().map((at) => new VoidStep(at)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40_000 })).map(([at, amount]) => new RefundStep(at, amount)),
  fc.tuple(fc.nat(), fc.constantFrom('98', '96', 'A0', '06')).map(([at, reason]) => new ReversalStep(at, reason)),
  fc.tuple(fc.nat(), fc.boolean()).map(([at, keepMac]) => new RepeatStep(at, keepMac)),
];

/** The ledger as the journal tells it: approved, unreversed rows, each by its own effect. */
function journalLedger(host: AcquirerHost, pan: string, opening: number): { ledger: number; held: number } {
  let ledger = opening;
  let held = 0;
  for (const row of host.queries.journal({ pan, status: 'approved' })) {
    if (row.reversed) continue;
    if (row.type === 'sale' || row.type === 'completion') ledger -= row.amountMinor;
    if (row.type === 'void' || row.type === 'refund') ledger += row.amountMinor;
    held += row.holdMinor;
  }
  return { ledger, held };
}

describe('money is never lost or doubled', () => {
  it('holds for random sequences of sale, pre-auth, completion, void, refund, reversal and repeat', () => {
    fc.assert(
      fc.property(fc.commands(steps, { maxCommands: 40, size: 'max' }), (commands) => {
        const { host } = hostFixture();
        host.provision.merchant({ id: merchantId, name: 'Noodle Bar', mcc: '5812', region: '310000' });
        host.provision.terminal({ terminalId, merchantId, masterKey: terminalMasterKey });
        for (const entry of cardsUnderTest) host.provision.card(entry);
        const model: Model = { ledger: cardsUnderTest.map((c) => c.balanceMinor), held: [0, 0], tries: [0, 0], txns: [] };
        const real: Real = { host, terminal: TestTerminal.signedIn(host) };

        fc.modelRun(() => ({ model, real }), commands);

        cardsUnderTest.forEach((entry, i) => {
          const account = host.queries.account(entry.pan);
          expect(account.ledgerMinor).toBe(model.ledger[i]);
          expect(account.heldMinor).toBe(model.held[i]);
          expect(journalLedger(host, entry.pan, entry.balanceMinor)).toEqual({ ledger: model.ledger[i], held: model.held[i] });
        });
        const booked = host.queries.journal({ status: 'approved' }).map((row) => `${row.batch}/${row.stan}/${row.mti}`);
        expect(new Set(booked).size).toBe(booked.length);
        expect(booked.length).toBe(model.txns.filter((txn) => txn.kind !== 'reversal' && txn.approved).length);
        host.close();
      }),
      { seed: 20261122, numRuns: 150 },
    );
  });
});
