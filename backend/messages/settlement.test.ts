import { describe, expect, it } from 'vitest';
import type { BatchTotals } from '../store/host-store.ts';
import { answerMacVerifies, cards, hostFixture, provisionShop } from '../test-support/terminal-messages.ts';
import { amountOf, TestTerminal } from '../test-support/test-terminal.ts';
import type { Exchange } from '../test-support/test-terminal.ts';
import { formatTotals } from './settlement-fields.ts';

const debit = cards.debit;

function shop() {
  const fixture = hostFixture();
  provisionShop(fixture.host);
  return { ...fixture, terminal: TestTerminal.signedIn(fixture.host) };
}

/** What the terminal's own journal adds up to: approved sales and completions debit, refunds credit. */
function terminalTotals(exchanges: readonly Exchange[]): BatchTotals {
  const approved = exchanges.filter((exchange) => exchange.code === '00');
  const debits = approved.filter((exchange) => ['22', '20'].includes(String(exchange.request.fields[60]).slice(0, 2)));
  const credits = approved.filter((exchange) => String(exchange.request.fields[60]).startsWith('25'));
  const sum = (list: readonly Exchange[]) => list.reduce((total, exchange) => total + amountOf(exchange.request), 0);
  return { debitCount: debits.length, debitMinor: sum(debits), creditCount: credits.length, creditMinor: sum(credits) };
}

describe('settlement 0500/0510', () => {
  it('closes a balanced batch at once, and its totals equal the journal totals', () => {
    const { host, terminal } = shop();
    const s1 = terminal.sale({ card: debit, amountMinor: 10_000 });
    const s2 = terminal.sale({ card: debit, amountMinor: 2_500 });
    const s3 = terminal.sale({ card: cards.credit, amountMinor: 700, pin: null });
    terminal.voidSale(s3, cards.credit);
    const s4 = terminal.sale({ card: debit, amountMinor: 999 });
    terminal.reverse(s4);
    const refund = terminal.refund(s1, debit, 4_000);
    const preAuth = terminal.preAuthorise({ card: debit, amountMinor: 5_000 });
    const completion = terminal.complete(preAuth, debit, 4_500);
    terminal.sale({ card: debit, amountMinor: 1, pin: '000000' });

    const totals = terminalTotals([s1, s2, completion, refund]);
    expect(totals).toEqual({ debitCount: 3, debitMinor: 17_000, creditCount: 1, creditMinor: 4_000 });
    const settled = terminal.settle(formatTotals(totals));
    expect(settled.answer).toMatchObject({
      mti: '0510',
      fields: { 39: '00', 48: `${formatTotals(totals)}1`, 60: '00000002201', 15: '1122' },
    });
    expect(answerMacVerifies(settled.answerBytes, terminal.keys.macKey)).toBe(true);

    const [record] = host.queries.settlements();
    expect(record).toMatchObject({ batch: '000001', result: '1', state: 'closed', nextBatch: '000002', hostTotals: totals, settledTotals: totals });
    const counted = host.queries.journal({ batch: '000001', status: 'approved' }).filter((row) => !row.reversed && !row.voided);
    const of = (types: readonly string[]) => counted.filter((row) => types.includes(row.type));
    const sum = (rows: readonly { amountMinor: number }[]) => rows.reduce((total, row) => total + row.amountMinor, 0);
    expect(totals).toEqual({
      debitCount: of(['sale', 'completion']).length,
      debitMinor: sum(of(['sale', 'completion'])),
      creditCount: of(['refund']).length,
      creditMinor: sum(of(['refund'])),
    });
    expect(host.queries.terminal(terminal.id)?.batch).toBe('000002');
    expect(host.queries.journal({ batch: '000001' }).every((row) => row.batchState === 'closed')).toBe(true);

    // The closed batch takes no more money; the new one does.
    expect(terminal.sale({ card: debit, amountMinor: 100 }).code).toBe('12');
    terminal.follow(settled);
    expect(terminal.sale({ card: debit, amountMinor: 100 }).code).toBe('00');
    expect(host.queries.journal({ batch: '000002', status: 'approved' })[0]?.batchState).toBe('open');
  });

  it('answers a settlement sent again for a closed batch as it did, and changes nothing', () => {
    const { host, terminal } = shop();
    terminal.sale({ card: debit, amountMinor: 1_000 });
    const totals = formatTotals({ debitCount: 1, debitMinor: 1_000, creditCount: 0, creditMinor: 0 });
    const first = terminal.settle(totals);
    const again = terminal.settle(totals);
    expect(again.answer.fields[48]).toBe(first.answer.fields[48]);
    expect(again.answer.fields[60]).toBe('00000002201');
    expect(host.queries.terminal(terminal.id)?.batch).toBe('000002');
    expect(host.queries.settlements()).toHaveLength(1);
  });

  it('answers result 3 for a batch that is not the open one', () => {
    const { terminal } = shop();
    terminal.batch = '000007';
    const answer = terminal.settle(formatTotals({ debitCount: 0, debitMinor: 0, creditCount: 0, creditMinor: 0 })).answer;
    expect(answer.fields[48]).toMatch(/3$/);
    expect(answer.fields[60]).toBe('00000001201');
  });
});

describe('batch upload 0320 and reconciliation', () => {
  it('a transaction missing from the terminal makes it unbalanced; the upload closes the batch and names it', () => {
    const { host, terminal } = shop();
    const kept = [terminal.sale({ card: debit, amountMinor: 3_000 }), terminal.sale({ card: debit, amountMinor: 4_000 })];
    const lost = terminal.sale({ card: debit, amountMinor: 5_000 });
    const alsoKept = terminal.sale({ card: cards.credit, amountMinor: 6_000, pin: null });
    const refund = terminal.refund(kept[0]!, debit, 1_000);
    const ledger = [...kept, alsoKept, refund];
    expect(host.queries.balance(debit.pan)).toBe(500_000 - 3_000 - 4_000 - 5_000 + 1_000);

    // The terminal never learnt of `lost` (its answer went astray and no reversal followed).
    const settled = terminal.settle(formatTotals(terminalTotals(ledger)));
    expect(settled.answer.fields[48]).toMatch(/2$/);
    expect(settled.answer.fields[60]).toBe('00000001201');
    expect(host.queries.settlements()[0]).toMatchObject({ result: '2', state: 'awaiting-upload' });

    for (const exchange of ledger) {
      const card = exchange === alsoKept ? cards.credit : debit;
      const uploaded = terminal.upload(exchange, card);
      expect(uploaded.answer).toMatchObject({ mti: '0330', fields: { 39: '00', 11: exchange.request.fields[11] } });
      expect(answerMacVerifies(uploaded.answerBytes, terminal.keys.macKey)).toBe(true);
    }
    const end = terminal.endUpload(ledger.length);
    expect(end.answer).toMatchObject({ mti: '0330', fields: { 39: '00', 60: '00000002207' } });

    const [reconciliation] = host.queries.reconciliations();
    expect(reconciliation).toMatchObject({
      batch: '000001',
      declaredCount: 4,
      uploadedCount: 4,
      differences: [{ stan: lost.request.fields[11], kind: 'not-uploaded', action: 'reversed', hostMinor: 5_000 }],
    });
    // The cardholder got the unclaimed money back; the batch closed with the terminal's totals.
    expect(host.queries.balance(debit.pan)).toBe(500_000 - 3_000 - 4_000 + 1_000);
    expect(host.queries.settlements()[0]).toMatchObject({ state: 'closed', nextBatch: '000002', settledTotals: terminalTotals(ledger) });
    expect(host.queries.journal({ stan: String(lost.request.fields[11]) })[0]).toMatchObject({ reversed: true, reversalReason: 'reconciliation' });
    expect(host.queries.terminal(terminal.id)?.batch).toBe('000002');
    expect(terminal.endUpload(ledger.length).answer.fields[60]).toBe('00000002207');
  });

  it('names an amount that differs and an upload the host never approved, and settles neither wrongly', () => {
    const { host, terminal } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 3_000 });
    const declined = terminal.sale({ card: debit, amountMinor: 3_000, pin: '000000' });
    terminal.settle(formatTotals({ debitCount: 2, debitMinor: 6_500, creditCount: 0, creditMinor: 0 }));
    terminal.upload(sale, debit, 3_500);
    terminal.upload(declined, debit);
    terminal.endUpload(2);
    expect(host.queries.reconciliations()[0]?.differences).toEqual([
      { stan: sale.request.fields[11], kind: 'amount-differs', action: 'settled', hostMinor: 3_000, terminalMinor: 3_500 },
      { stan: declined.request.fields[11], kind: 'unknown-to-host', action: 'not-settled', terminalMinor: 3_000 },
    ]);
    expect(host.queries.settlements()[0]?.settledTotals).toEqual({ debitCount: 1, debitMinor: 3_000, creditCount: 0, creditMinor: 0 });
    expect(host.queries.balance(debit.pan)).toBe(497_000);
  });

  it('refuses 207 without an unbalanced settlement, and an upload for another batch', () => {
    const { terminal } = shop();
    const sale = terminal.sale({ card: debit, amountMinor: 3_000 });
    expect(terminal.endUpload(0).code).toBe('12');
    terminal.batch = '000009';
    expect(terminal.upload(sale, debit).code).toBe('12');
  });
});
