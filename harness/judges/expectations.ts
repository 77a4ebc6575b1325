import { dirname, resolve } from 'node:path';
import { renderReceiptPng } from '../../simulator/printer/render.ts';
import { receiptText } from '../../simulator/printer/receipt.ts';
import type { PrintedReceipt } from '../../simulator/printer/receipt.ts';
import type { CheckResult, GoldenComparison } from '../run-result.ts';
import type { Expectation } from '../scenario/expectations.ts';
import type { TextMatch } from '../scenario/values.ts';
import { formatMinor } from '../../core/money.ts';
import type { World } from '../world.ts';
import { judgeLinkMessage, judgeLinkMessages, judgeLinkOrder, messagesSince } from './link-checks.ts';
import { compareWithGolden } from './receipt-golden.ts';
import { judgeReconciliation, judgeStatement } from './host-books.ts';

/** What judging needs beyond the world: where steps began, and what to do with goldens. */
export interface JudgeContext {
  /** For each step (0-based), how many link messages had been seen when it began. */
  readonly stepMarks: readonly number[];
  /** Write receipt goldens instead of comparing with them (`--update-goldens`). */
  readonly updateGoldens: boolean;
  /** Golden comparisons made, by receipt number (1-based), for the report to show. */
  readonly goldens: Map<number, GoldenComparison>;
}

type Outcome = Omit<CheckResult, 'name' | 'line'>;
type Judge<K extends keyof Expectation> = (world: World, expected: NonNullable<Expectation[K]>, context: JudgeContext) => Outcome;

const verdict = (ok: boolean) => (ok ? ('passed' as const) : ('failed' as const));

function matchAll(text: string, wanted: readonly TextMatch[] | undefined, present: boolean): string[] {
  return (wanted ?? []).filter((m) => m.test(text) !== present).map((m) => m.source);
}

function pickReceipt(world: World, copy: number | 'last'): { receipt?: PrintedReceipt; number: number; printed: number } {
  const all = world.printer.receipts();
  const number = copy === 'last' ? all.length : copy;
  return { number, printed: all.length, ...(all[number - 1] ? { receipt: all[number - 1]! } : {}) };
}

/** Alerts from the host's risk control, wherever this host version offers them. */
function riskAlerts(world: World): readonly { rule: string }[] | undefined {
  const host = world.host as unknown as { risk?: { alerts(): { rule: string }[] }; queries: { alerts?(): { rule: string }[] } };
  return host.risk?.alerts() ?? host.queries.alerts?.();
}

const judges: { [K in keyof Expectation]-?: Judge<K> } = {
  screen: (world, match) => ({
    verdict: verdict(match.test(world.console.text)),
    expected: `screen shows ${match.source}`,
    actual: world.console.lines.join(' | ') || '(blank)',
  }),
  receipts: (world, { count }) => {
    const cut = world.printer.receipts().length;
    return { verdict: verdict(count === undefined || cut === count), expected: `${count} receipts`, actual: `${cut} receipts` };
  },
  receipt: (world, { copy, contains, not_contains }) => {
    const { receipt, printed } = pickReceipt(world, copy);
    if (!receipt) return { verdict: 'failed', expected: `receipt ${copy}`, actual: `${printed} receipts printed` };
    const text = receiptText(receipt);
    const missing = matchAll(text, contains, true);
    const unwanted = matchAll(text, not_contains, false);
    const wanted = [...(contains ?? []).map((m) => `contains ${m.source}`), ...(not_contains ?? []).map((m) => `lacks ${m.source}`)];
    return {
      verdict: verdict(missing.length === 0 && unwanted.length === 0),
      expected: `receipt ${copy}: ${wanted.join(', ')}`,
      actual:
        missing.length + unwanted.length === 0
          ? 'as expected'
          : [...missing.map((m) => `missing ${m}`), ...unwanted.map((m) => `has ${m}`)].join(', ') + `\n${text}`,
    };
  },
  'receipt.image': (world, { copy, golden, max_diff_pixels }, context) => {
    const { receipt, number, printed } = pickReceipt(world, copy);
    const expected = `receipt ${copy} matches ${golden} (≤ ${max_diff_pixels} pixels differ)`;
    if (!receipt) return { verdict: 'failed', expected, actual: `${printed} receipts printed` };
    const file = resolve(dirname(world.scenario.file), golden);
    const { comparison, problem } = compareWithGolden(renderReceiptPng(receipt, world.printer.widthDots), file, context.updateGoldens);
    if (comparison) context.goldens.set(number, comparison);
    if (problem) return { verdict: 'failed', expected, actual: problem };
    if (comparison?.updated) return { verdict: 'passed', expected, actual: `golden written to ${golden}` };
    const differing = comparison?.mismatchedPixels ?? 0;
    return { verdict: verdict(differing <= max_diff_pixels), expected, actual: `${differing} pixels differ` };
  },
  'host.journal': (world, wanted) => {
    const rows = world.host.queries.journal();
    const actual = {
      approved: rows.filter((r) => r.status === 'approved').length,
      declined: rows.filter((r) => r.status === 'declined').length,
      reversed: rows.filter((r) => r.reversed).length,
      total: rows.length,
    };
    const keys = (Object.keys(wanted) as (keyof typeof actual)[]).filter((k) => wanted[k] !== undefined);
    return {
      verdict: verdict(keys.every((k) => wanted[k] === actual[k])),
      expected: keys.map((k) => `${k} ${wanted[k]}`).join(', '),
      actual: keys.map((k) => `${k} ${actual[k]}`).join(', '),
    };
  },
  'host.reversed': (world, { count, reason }) => {
    const rows = world.host.queries.journal().filter((r) => r.reversed && (reason === undefined || r.reversalReason === reason));
    const why = reason === undefined ? '' : ` for reason ${reason}`;
    return {
      verdict: verdict(rows.length === count),
      expected: `${count} reversed${why}`,
      actual: `${rows.length} reversed${why}: ${rows.map((r) => `STAN ${r.stan} (${r.reversalReason ?? '?'})`).join(', ') || 'none'}`,
    };
  },
  'host.alerts': (world, { rule, count }) => {
    const alerts = riskAlerts(world);
    const what = rule === undefined ? 'risk alerts' : `${rule} alerts`;
    if (!alerts) return { verdict: 'failed', expected: `${count} ${what}`, actual: 'this host keeps no risk alerts' };
    const raised = alerts.filter((a) => rule === undefined || a.rule === rule);
    return {
      verdict: verdict(raised.length === count),
      expected: `${count} ${what}`,
      actual: `${raised.length} ${what}${alerts.length > 0 ? ` (all: ${alerts.map((a) => a.rule).join(', ')})` : ''}`,
    };
  },
  'host.statement': (world, wanted) => judgeStatement(world, wanted),
  'host.reconciliation': (world, wanted) => judgeReconciliation(world, wanted),
  'card.balance': (world, { card, equals }) => {
    const definition = world.cards.get(card)?.definition;
    if (!definition) return { verdict: 'failed', expected: `balance of ${card}`, actual: `no card ${card}` };
    const balance = world.host.queries.balance(definition.pan);
    return {
      verdict: verdict(balance === equals),
      expected: `${card} balance ${formatMinor(equals)}`,
      actual: `${card} balance ${balance === undefined ? 'unknown' : formatMinor(balance)}`,
    };
  },
  'link.messages': (world, wanted) => judgeLinkMessages(world.network.messages(), wanted),
  'link.order': (world, wanted, context) =>
    judgeLinkOrder(messagesSince(world.network.messages(), context.stepMarks, wanted.since_step), wanted),
  'link.message': (world, wanted, context) =>
    judgeLinkMessage(messagesSince(world.network.messages(), context.stepMarks, wanted.since_step), wanted),
};

/** For judging outside a scenario run (the sandbox): no step marks, goldens compared, not written. */
const standalone = (): JudgeContext => ({ stepMarks: [], updateGoldens: false, goldens: new Map() });

/** Judges every check in one expectation against what the world shows now. */
export function judgeExpectation(world: World, expectation: Expectation, line: number, context: JudgeContext = standalone()): CheckResult[] {
  return (Object.keys(expectation) as (keyof Expectation)[]).map((name) => {
    const judge = judges[name] as Judge<typeof name>;
    return { name, line, ...judge(world, expectation[name] as never, context) };
  });
}
