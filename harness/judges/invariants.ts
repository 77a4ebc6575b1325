import { formatMinor } from '../../core/money.ts';
import { receiptText } from '../../simulator/printer/receipt.ts';
import type { CheckResult } from '../run-result.ts';
import type { World } from '../world.ts';

const passed = (name: string, expected: string): CheckResult => ({ name, verdict: 'passed', expected, actual: expected });

/**
 * Money is never lost or doubled: each card's balance moved by exactly the approved amounts
 * the host booked for it, no sale is booked twice, and every receipt the customer holds
 * belongs to a sale the host approved.
 */
function money(world: World): CheckResult[] {
  const results: CheckResult[] = [];
  const journal = world.host.queries.journal();
  const approved = journal.filter((row) => row.status === 'approved');

  const seen = new Map<string, number>();
  for (const row of approved) {
    const key = `${row.terminalId}/${row.batch}/${row.stan}/${row.mti}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const doubled = [...seen].filter(([, n]) => n > 1).map(([key]) => key);
  results.push(
    doubled.length === 0
      ? passed('invariant: nothing booked twice', 'each approved sale booked once')
      : { name: 'invariant: nothing booked twice', verdict: 'failed', expected: 'each approved sale booked once', actual: `booked more than once: ${doubled.join(', ')}` },
  );

  for (const { definition } of world.cards.values()) {
    const spent = world.host.queries.journal({ pan: definition.pan, status: 'approved' }).reduce((sum, row) => sum + row.amountMinor, 0);
    const expected = definition.balance - spent;
    const actual = world.host.queries.balance(definition.pan);
    const name = `invariant: ${definition.id} balance adds up`;
    const want = `${formatMinor(definition.balance)} − ${formatMinor(spent)} approved = ${formatMinor(expected)}`;
    results.push(actual === expected ? passed(name, want) : { name, verdict: 'failed', expected: want, actual: formatMinor(actual) });
  }

  const approvedTraces = new Set(approved.map((row) => row.stan));
  const orphans = world.printer
    .receipts()
    .map((receipt) => /TRACE: (\d{6})/.exec(receiptText(receipt))?.[1])
    .filter((trace): trace is string => trace !== undefined && !approvedTraces.has(trace));
  results.push(
    orphans.length === 0
      ? passed('invariant: every receipt is an approved sale', 'receipts only for host-approved sales')
      : { name: 'invariant: every receipt is an approved sale', verdict: 'failed', expected: 'receipts only for host-approved sales', actual: `receipts for traces the host did not approve: ${orphans.join(', ')}` },
  );
  return results;
}

/** No clear PAN or track data in anything poslab keeps: timeline, receipts, terminal flash. */
function secrets(world: World): CheckResult {
  const artefacts = [
    JSON.stringify(world.timeline),
    ...world.printer.receipts().map(receiptText),
    ...world.flash.dump().values(),
  ].join('\n');
  const leaked = [...world.cards.values()]
    .filter(({ definition }) => artefacts.includes(definition.pan))
    .map(({ definition }) => definition.id);
  const name = 'invariant: no clear card data in artefacts';
  const expected = 'PANs masked everywhere';
  return leaked.length === 0 ? passed(name, expected) : { name, verdict: 'failed', expected, actual: `clear PAN of ${leaked.join(', ')} found` };
}

export function judgeInvariants(world: World, stuck: boolean): CheckResult[] {
  const alive: CheckResult = stuck
    ? { name: 'invariant: terminal not stuck', verdict: 'failed', expected: 'terminal settles within 5 minutes of virtual time', actual: 'still busy with no end in sight' }
    : passed('invariant: terminal not stuck', 'terminal settles');
  return [...money(world), secrets(world), alive];
}
