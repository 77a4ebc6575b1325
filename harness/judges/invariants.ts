import { formatMinor } from '../../core/money.ts';
import { readJournal } from '../../core/transaction/journal.ts';
import { receiptText } from '../../simulator/printer/receipt.ts';
import type { CheckResult } from '../run-result.ts';
import type { World } from '../world.ts';
import type { CardDefinition } from '../scenario/scenario.ts';
import { clearPinBlockFormat0 } from '../../protocol/crypto/pin-block.ts';

const passed = (name: string, expected: string): CheckResult => ({ name, verdict: 'passed', expected, actual: expected });

/** How an approved, unreversed journal row moves the card's ledger: sales and completions take, voids and refunds give back. */
const LEDGER_SIGN: Readonly<Record<string, number>> = { sale: 1, completion: 1, void: -1, refund: -1 };

/**
 * Every approval the host holds for this terminal is accounted for at the counter: a slip was
 * printed for it, it was reversed, or the terminal's journal knows it (completed with a reprint
 * offered, or a reversal still owed). "The host approved, the terminal neither printed nor
 * reversed" is money the cardholder lost without proof. Settled batches are past this question.
 */
function approvalsAccountedFor(world: World): CheckResult {
  const printed = new Set(
    world.printer
      .receipts()
      .map((receipt) => /TRACE: (\d{6})/.exec(receiptText(receipt))?.[1])
      .filter((trace) => trace !== undefined),
  );
  const known = new Set(
    readJournal(world.flash)
      .filter((r) => ['completed', 'reversal-due', 'reversal-held', 'advice-due', 'advised'].includes(r.state))
      .map((r) => `${r.batch}/${r.stan}`),
  );
  const unaccounted = world.host.queries
    .journal({ terminalId: world.scenario.terminal.id, status: 'approved' })
    .filter((row) => row.type !== 'balance' && !row.reversed && row.batchState === 'open')
    .filter((row) => !printed.has(row.stan) && !known.has(`${row.batch}/${row.stan}`))
    .map((row) => `${row.type} ${row.stan}`);
  const name = 'invariant: every host approval is receipted, reversed or known to the terminal';
  const expected = 'no approval the terminal lost track of';
  return unaccounted.length === 0
    ? passed(name, expected)
    : { name, verdict: 'failed', expected, actual: `host approved, terminal neither printed nor reversed: ${unaccounted.join(', ')}` };
}

/**
 * Money is never lost or doubled: each card's balance moved by exactly the approved amounts
 * the host booked for it, no sale is booked twice, and every receipt the customer holds
 * belongs to a sale the host approved — or to an offline sale whose advice the terminal still
 * owes in flash, which the host will book when it arrives.
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
    const spent = world.host.queries
      .journal({ pan: definition.pan, status: 'approved' })
      .filter((row) => !row.reversed)
      .reduce((sum, row) => sum + (LEDGER_SIGN[row.type] ?? 0) * row.amountMinor, 0);
    const expected = definition.balance - spent;
    const actual = world.host.queries.balance(definition.pan);
    const name = `invariant: ${definition.id} balance adds up`;
    const want = `${formatMinor(definition.balance)} − ${formatMinor(spent)} approved and not reversed = ${formatMinor(expected)}`;
    results.push(actual === expected ? passed(name, want) : { name, verdict: 'failed', expected: want, actual: formatMinor(actual) });
  }

  const owedAdvices = readJournal(world.flash)
    .filter((r) => r.state === 'advice-due')
    .map((r) => r.stan);
  const approvedTraces = new Set([...approved.map((row) => row.stan), ...owedAdvices]);
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
/** What must never appear in clear for one card: its PAN (also BCD as hex) and its PIN block before encryption. */
function cardSecrets(definition: CardDefinition): Array<[string, string]> {
  const pinBlock = Buffer.from(clearPinBlockFormat0(definition.pin, definition.pan)).toString('hex');
  return [
    ['PAN', definition.pan],
    ['clear PIN block', pinBlock],
    ['clear PIN block', pinBlock.toUpperCase()],
  ];
}

/**
 * No clear PAN, track or PIN block in anything poslab keeps: timeline, receipts, terminal
 * flash. Track data starts with the PAN, so finding no PAN also finds no track.
 */
function secrets(world: World): CheckResult {
  const artefacts = [
    JSON.stringify(world.timeline),
    ...world.printer.receipts().map(receiptText),
    ...world.flash.dump().values(),
  ].join('\n');
  const leaked = [...world.cards.values()].flatMap(({ definition }) =>
    cardSecrets(definition)
      .filter(([, secret]) => artefacts.includes(secret))
      .map(([what]) => `${what} of ${definition.id}`),
  );
  const name = 'invariant: no clear card data in artefacts';
  const expected = 'PANs masked, no clear PIN block anywhere';
  return leaked.length === 0 ? passed(name, expected) : { name, verdict: 'failed', expected, actual: `found ${[...new Set(leaked)].join(', ')}` };
}

export function judgeInvariants(world: World, stuck: boolean): CheckResult[] {
  const alive: CheckResult = stuck
    ? { name: 'invariant: terminal not stuck', verdict: 'failed', expected: 'terminal settles within 5 minutes of virtual time', actual: 'still busy with no end in sight' }
    : passed('invariant: terminal not stuck', 'terminal settles');
  return [...money(world), approvalsAccountedFor(world), secrets(world), alive];
}
