import { describe, expect, it } from 'vitest';
import { advance, blocksNewBusiness, MAX_REVERSAL_ATTEMPTS, reversalsOwed, TransactionStateError, type TransactionEvent } from './machine.ts';
import type { TransactionRecord } from './record.ts';
import { batchTotals, totalsField } from './totals.ts';

function sentRecord(overrides: Partial<TransactionRecord> = {}): TransactionRecord {
  return {
    kind: 'sale',
    stan: '000001',
    batch: '000001',
    mti: '0200',
    processingCode: '000000',
    conditionCode: '00',
    messageType: '22',
    amountMinor: 12850,
    panMasked: '622202*********0123',
    panSealed: 'sealed',
    expiry: '3012',
    entryMode: '051',
    at: 0,
    operator: '01',
    state: 'sent',
    reversalAttempts: 0,
    ...overrides,
  };
}

const run = (record: TransactionRecord, ...events: TransactionEvent[]) =>
  events.reduce((r, e) => advance(r, e).record, record);

const approved: TransactionEvent = { kind: 'answered', code: '00', macValid: true, authCode: '123456', rrn: '000000000001' };

describe('transaction state machine', () => {
  it('approves on a verified 00 and asks for the receipt', () => {
    const { record, actions } = advance(sentRecord(), approved);
    expect(record.state).toBe('approved');
    expect(record.authCode).toBe('123456');
    expect(actions).toEqual([{ kind: 'print-receipt' }]);
    expect(advance(record, { kind: 'receipt-printed' }).record.state).toBe('completed');
  });

  it('reverses with 98 on no answer, A0 on a failed or missing MAC on an approval', () => {
    expect(advance(sentRecord(), { kind: 'no-answer' })).toMatchObject({
      record: { state: 'reversal-due', reversalReason: '98' },
      actions: [{ kind: 'send-reversal', reason: '98' }],
    });
    expect(advance(sentRecord(), { ...approved, macValid: false }).record.reversalReason).toBe('A0');
    expect(advance(sentRecord(), { ...approved, macValid: undefined }).record.reversalReason).toBe('A0');
    expect(advance(sentRecord(), { kind: 'answered', code: '51', macValid: false }).record.reversalReason).toBe('A0');
  });

  it('takes a decline without a MAC at its word: nothing happened', () => {
    expect(advance(sentRecord(), { kind: 'answered', code: '97', macValid: undefined }).record.state).toBe('declined');
  });

  it('reverses with 96 when the printer is dead after approval, keeps the sale when paper only ran out', () => {
    const ok = advance(sentRecord(), approved).record;
    expect(advance(ok, { kind: 'printer-dead' }).record).toMatchObject({ state: 'reversal-due', reversalReason: '96' });
    expect(advance(ok, { kind: 'receipt-not-printed' }).record).toMatchObject({ state: 'completed', receipt: 'not-printed' });
  });

  it('reverses with 06 when the card left the slot before the approval was closed on it', () => {
    const ok = advance(sentRecord(), approved).record;
    expect(advance(ok, { kind: 'card-removed' })).toEqual({
      record: expect.objectContaining({ state: 'reversal-due', reversalReason: '06' }),
      actions: [{ kind: 'send-reversal', reason: '06' }],
    });
  });

  it('turns what was in flight at a power cut into reversals', () => {
    expect(advance(sentRecord(), { kind: 'power-on' }).record.reversalReason).toBe('06');
    expect(advance(run(sentRecord(), approved), { kind: 'power-on' }).record.reversalReason).toBe('96');
    const done = run(sentRecord(), approved, { kind: 'receipt-printed' });
    expect(advance(done, { kind: 'power-on' }).record).toBe(done);
  });

  it('holds a reversal after the bounded number of failed tries; it no longer blocks the counter', () => {
    let record = run(sentRecord(), { kind: 'no-answer' });
    expect(blocksNewBusiness([record])).toBe(true);
    for (let i = 0; i < MAX_REVERSAL_ATTEMPTS; i++) record = run(record, { kind: 'reversal-no-answer' });
    expect(record.state).toBe('reversal-held');
    expect(blocksNewBusiness([record])).toBe(false);
    expect(reversalsOwed([record])).toHaveLength(1);
    expect(run(record, { kind: 'reversal-answered', code: '00', macValid: true }).state).toBe('reversed');
  });

  it('counts an unverified or refused reversal answer as a failed try', () => {
    const due = run(sentRecord(), { kind: 'no-answer' });
    expect(run(due, { kind: 'reversal-answered', code: '00', macValid: false })).toMatchObject({ state: 'reversal-due', reversalAttempts: 1 });
    expect(run(due, { kind: 'reversal-answered', code: '12', macValid: true }).reversalAttempts).toBe(1);
  });

  it('refuses events that make no sense, e.g. an answer after the decline', () => {
    const declined = run(sentRecord(), { kind: 'answered', code: '51', macValid: true });
    expect(() => advance(declined, approved)).toThrow(TransactionStateError);
    expect(() => advance(sentRecord(), { kind: 'receipt-printed' })).toThrow(TransactionStateError);
  });
});

describe('batch totals', () => {
  it('count completed sales and completions as debits, refunds as credits, voided sales in neither', () => {
    const done = (o: Partial<TransactionRecord>) => sentRecord({ state: 'completed', ...o });
    const records = [
      done({ stan: '000001', amountMinor: 1000 }),
      done({ stan: '000002', amountMinor: 2000 }),
      done({ stan: '000003', kind: 'void', amountMinor: 2000, original: { batch: '000001', stan: '000002', date: '1122' } }),
      done({ stan: '000004', kind: 'refund', amountMinor: 300 }),
      done({ stan: '000005', kind: 'completion', amountMinor: 700 }),
      done({ stan: '000006', kind: 'preauth', amountMinor: 900 }),
      sentRecord({ stan: '000007', state: 'reversed', amountMinor: 5000 }),
    ];
    const totals = batchTotals(records, '000001');
    expect(totals).toEqual({ debitCount: 2, debitMinor: 1700, creditCount: 1, creditMinor: 300 });
    expect(totalsField(totals)).toBe('002000000001700001000000000300');
  });
});
