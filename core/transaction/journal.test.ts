import { describe, expect, it } from 'vitest';
import { TransactionJournal } from './journal.ts';
import { MAX_REVERSAL_ATTEMPTS, reversalsOwed } from './machine.ts';
import type { TransactionRecord } from './record.ts';

function record(batch: string, stan: string): TransactionRecord {
  return {
    kind: 'sale',
    stan,
    batch,
    mti: '0200',
    processingCode: '000000',
    conditionCode: '00',
    messageType: '22',
    amountMinor: 1000,
    panMasked: '622202*********0123',
    panSealed: 'sealed',
    expiry: '3012',
    entryMode: '051',
    at: 0,
    operator: '01',
    state: 'sent',
    reversalAttempts: 0,
  };
}

function journal(): TransactionJournal {
  const cells = new Map<string, string>();
  return new TransactionJournal({ read: (k) => cells.get(k), write: (k, v) => void cells.set(k, v) });
}

describe('TransactionJournal.closeBatch', () => {
  it('drops a reversal held after its final attempt with its settled batch, and keeps other batches', () => {
    const j = journal();
    const held = record('000001', '000007');
    j.begin(held);
    j.apply(held, { kind: 'no-answer' });
    for (let i = 0; i < MAX_REVERSAL_ATTEMPTS; i++) j.apply(held, { kind: 'reversal-no-answer' });
    const done = record('000001', '000008');
    j.begin(done);
    j.apply(done, { kind: 'answered', code: '00', macValid: true });
    j.apply(done, { kind: 'receipt-printed' });
    const next = record('000002', '000009');
    j.begin(next);
    j.apply(next, { kind: 'no-answer' });
    expect(reversalsOwed(j.records()).map((r) => r.state)).toEqual(['reversal-held', 'reversal-due']);

    j.closeBatch('000001');
    expect(j.records().map((r) => `${r.batch}/${r.stan}`)).toEqual(['000002/000009']);
  });
});
