import { describe, expect, it } from 'vitest';
import { advance, advicesOwed, blocksNewBusiness, reversalsOwed, TransactionStateError, type TransactionEvent } from './machine.ts';
import type { TransactionRecord } from './record.ts';
import { batchTotals, settledTransactions } from './totals.ts';

function offlineSale(overrides: Partial<TransactionRecord> = {}): TransactionRecord {
  return {
    kind: 'sale',
    stan: '000007',
    batch: '000001',
    mti: '0220',
    processingCode: '000000',
    conditionCode: '00',
    messageType: '36',
    amountMinor: 5800,
    panMasked: '622202*********0123',
    panSealed: 'sealed-pan',
    expiry: '3012',
    entryMode: '052',
    at: 0,
    operator: '01',
    state: 'advice-due',
    reversalAttempts: 0,
    tc: '0123456789ABCDEF',
    iccSealed: 'sealed-icc',
    adviceAttempts: 0,
    ...overrides,
  };
}

const run = (record: TransactionRecord, ...events: TransactionEvent[]) => events.reduce((r, e) => advance(r, e).record, record);
const acknowledged: TransactionEvent = { kind: 'advice-answered', code: '00', macValid: true, rrn: '000000000042' };

describe('offline approval and its advice', () => {
  it('keeps the sale whatever the printer does: printed, paper out, or dead', () => {
    expect(advance(offlineSale(), { kind: 'receipt-printed' }).record).toMatchObject({ state: 'advice-due', receipt: 'printed' });
    expect(advance(offlineSale(), { kind: 'receipt-not-printed' }).record).toMatchObject({ state: 'advice-due', receipt: 'not-printed' });
    const dead = advance(offlineSale(), { kind: 'printer-dead' });
    expect(dead.record).toMatchObject({ state: 'advice-due', receipt: 'not-printed' });
    expect(dead.actions).toEqual([]);
  });

  it('counts each advice try before it leaves, so every later try is a repeat', () => {
    const once = advance(offlineSale(), { kind: 'advice-sending' }).record;
    expect(once.adviceAttempts).toBe(1);
    expect(run(once, { kind: 'advice-sending' }).adviceAttempts).toBe(2);
    expect(run(once, { kind: 'advice-sending' }, { kind: 'advice-not-sent' }).adviceAttempts).toBe(1);
    expect(run(offlineSale(), { kind: 'advice-not-sent' }).adviceAttempts).toBe(0);
  });

  it('is advised only by a 00 whose MAC verifies; anything else leaves it owed', () => {
    const sending = run(offlineSale(), { kind: 'advice-sending' });
    expect(advance(sending, acknowledged).record).toMatchObject({ state: 'advised', rrn: '000000000042', adviceAttempts: 1 });
    for (const answer of [
      { code: '00', macValid: false },
      { code: '00', macValid: undefined },
      { code: '12', macValid: true },
      { code: '97', macValid: undefined },
    ]) {
      expect(advance(sending, { kind: 'advice-answered', ...answer }).record.state).toBe('advice-due');
    }
  });

  it('survives a power cut in either state and never turns into a reversal', () => {
    expect(advance(offlineSale(), { kind: 'power-on' }).record.state).toBe('advice-due');
    expect(advance(run(offlineSale(), acknowledged), { kind: 'power-on' }).record.state).toBe('advised');
    expect(reversalsOwed([offlineSale()])).toEqual([]);
  });

  it('owes advices without blocking the counter', () => {
    const records = [offlineSale(), offlineSale({ stan: '000008', state: 'advised' }), offlineSale({ stan: '000009' })];
    expect(advicesOwed(records).map((r) => r.stan)).toEqual(['000007', '000009']);
    expect(blocksNewBusiness(records)).toBe(false);
  });

  it('refuses what an offline sale cannot meet: an online answer, a reversal, an advice once advised', () => {
    expect(() => advance(offlineSale(), { kind: 'answered', code: '00', macValid: true })).toThrow(TransactionStateError);
    expect(() => advance(offlineSale(), { kind: 'reversal-no-answer' })).toThrow(TransactionStateError);
    expect(() => advance(run(offlineSale(), acknowledged), { kind: 'advice-sending' })).toThrow(TransactionStateError);
    expect(advance(run(offlineSale(), acknowledged), { kind: 'receipt-printed' }).record.receipt).toBe('printed');
  });

  it('counts offline sales, advised or not, in the batch totals and the upload', () => {
    const records = [offlineSale(), offlineSale({ stan: '000008', state: 'advised', amountMinor: 4200 })];
    expect(batchTotals(records, '000001')).toEqual({ debitCount: 2, debitMinor: 10_000, creditCount: 0, creditMinor: 0 });
    expect(settledTransactions(records, '000001')).toHaveLength(2);
    expect(batchTotals(records, '000002').debitCount).toBe(0);
  });
});
