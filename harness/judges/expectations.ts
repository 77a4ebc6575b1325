import { receiptText } from '../../simulator/printer/receipt.ts';
import type { CheckResult } from '../run-result.ts';
import type { Expectation } from '../scenario/expectations.ts';
import type { TextMatch } from '../scenario/values.ts';
import { formatMinor } from '../../core/money.ts';
import type { World } from '../world.ts';

type Judge<K extends keyof Expectation> = (world: World, expected: NonNullable<Expectation[K]>) => Omit<CheckResult, 'name' | 'line'>;

const verdict = (ok: boolean) => (ok ? ('passed' as const) : ('failed' as const));

function matchAll(text: string, wanted: readonly TextMatch[] | undefined, present: boolean): string[] {
  return (wanted ?? []).filter((m) => m.test(text) !== present).map((m) => m.source);
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
    const all = world.printer.receipts();
    const receipt = copy === 'last' ? all.at(-1) : all[copy - 1];
    if (!receipt) return { verdict: 'failed', expected: `receipt ${copy}`, actual: `${all.length} receipts printed` };
    const text = receiptText(receipt);
    const missing = matchAll(text, contains, true);
    const unwanted = matchAll(text, not_contains, false);
    const wanted = [
      ...(contains ?? []).map((m) => `contains ${m.source}`),
      ...(not_contains ?? []).map((m) => `lacks ${m.source}`),
    ];
    return {
      verdict: verdict(missing.length === 0 && unwanted.length === 0),
      expected: `receipt ${copy}: ${wanted.join(', ')}`,
      actual:
        missing.length + unwanted.length === 0
          ? 'as expected'
          : [...missing.map((m) => `missing ${m}`), ...unwanted.map((m) => `has ${m}`)].join(', ') + `\n${text}`,
    };
  },
  'host.journal': (world, wanted) => {
    const rows = world.host.queries.journal();
    const actual = {
      approved: rows.filter((r) => r.status === 'approved').length,
      declined: rows.filter((r) => r.status === 'declined').length,
      total: rows.length,
    };
    const keys = (Object.keys(wanted) as (keyof typeof actual)[]).filter((k) => wanted[k] !== undefined);
    return {
      verdict: verdict(keys.every((k) => wanted[k] === actual[k])),
      expected: keys.map((k) => `${k} ${wanted[k]}`).join(', '),
      actual: keys.map((k) => `${k} ${actual[k]}`).join(', '),
    };
  },
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
  'link.messages': (world, { mti, count }) => {
    const seen = world.timeline.filter((e) => e.source === 'link' && e.kind === 'message' && e.detail?.mti === mti).length;
    return { verdict: verdict(seen === count), expected: `${count} × ${mti} on the link`, actual: `${seen} × ${mti}` };
  },
};

/** Judges every check in one expectation against what the world shows now. */
export function judgeExpectation(world: World, expectation: Expectation, line: number): CheckResult[] {
  return (Object.keys(expectation) as (keyof Expectation)[]).map((name) => {
    const judge = judges[name] as Judge<typeof name>;
    return { name, line, ...judge(world, expectation[name] as never) };
  });
}
