import { describe, expect, it, vi } from 'vitest';
import type { JournalFilter } from './host-store.ts';
import { openHostStore, sqliteDatabaseOf } from './sqlite-host-store.ts';

const panToken = 'ab'.repeat(32);
const key = { terminalId: 'T1', batch: '000001', stan: '000001' };

/**
 * What SQLite plans for each statement `read` prepares, with every parameter bound to NULL: the
 * plan depends on the statement's shape, not on its values.
 */
function plansOf(read: (store: ReturnType<typeof openHostStore>) => unknown): string[] {
  const store = openHostStore();
  const db = sqliteDatabaseOf(store)!;
  const prepare = vi.spyOn(db, 'prepare');
  read(store);
  const statements = prepare.mock.calls.map(([sql]) => sql);
  prepare.mockRestore();
  const plans = statements.map((sql) => {
    const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name, null]));
    const positional = [...sql.matchAll(/\?/g)].map(() => null);
    const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...positional, ...(Object.keys(named).length > 0 ? [named] : []));
    return (steps as Array<{ detail: string }>).map((step) => step.detail).join('; ');
  });
  store.close();
  return plans;
}

describe('journal query plans', () => {
  // Each filter the host, its admin API or the harness passes to journal().
  const filters: Array<[string, JournalFilter]> = [
    ['a terminal', { terminalId: 'T1', status: 'approved' }],
    ['a batch (reconciliation)', { terminalId: 'T1', batch: '000001', status: 'approved' }],
    ['an original by RRN', { merchantId: 'M1', rrn: '100000000001', mti: '0200', status: 'approved' }],
    ['a card', { panToken, status: 'approved' }],
  ];
  it.each(filters)('finds the rows of %s through an index', (_, filter) => {
    const [plan] = plansOf((store) => store.journal(filter));
    expect(plan).toMatch(/SEARCH j USING INDEX/);
    expect(plan).not.toMatch(/SCAN j\b/);
  });

  it('finds a card through journal_by_card, which holds a prefix of its token', () => {
    expect(plansOf((store) => store.journal({ panToken }))).toEqual([expect.stringMatching(/SEARCH j USING INDEX journal_by_card \(<expr>=\?\)/)]);
  });

  it('reaches single rows, batch totals and reversals by index or id', () => {
    const plans = plansOf((store) => {
      store.journalEntry({ ...key, mti: '0200' });
      store.journalById(1);
      store.batchTotals('T1', '000001');
      store.updateJournal(1, { reversed: { reason: '98', at: 1 }, voided: true, refundedMinor: 1, holdMinor: 0 });
      store.reversal({ ...key, originalMti: '0200' });
    });
    expect(plans).toHaveLength(8);
    for (const plan of plans) expect(plan).toMatch(/^(SEARCH \w+ USING (INDEX|INTEGER PRIMARY KEY|COVERING INDEX)[^;]*(; |$))+$/);
  });
});

describe('journal writes', () => {
  const entry = {
    ...key,
    mti: '0200',
    merchantId: 'M1',
    type: 'sale' as const,
    processingCode: '000000',
    amountMinor: 100,
    requestedMinor: 100,
    panMasked: '622202*********0123',
    panToken,
    entryMode: '051',
    responseCode: '00',
    authCode: '123456',
    rrn: '100000000001',
    createdAt: 1,
    status: 'approved' as const,
    originalId: undefined,
    holdMinor: 0,
    answer: '{}',
  };

  it('refuses a second entry for the same terminal, batch, STAN and MTI as a duplicate that names it', () => {
    const store = openHostStore();
    expect(store.appendJournal(entry)).toBe(1);
    expect(() => store.appendJournal(entry)).toThrow(
      expect.objectContaining({ code: 'HOST_DUPLICATE', message: expect.stringContaining('journal entry T1/000001/000001/0200') }),
    );
    expect(store.journal()).toHaveLength(1);
    store.close();
  });
});
