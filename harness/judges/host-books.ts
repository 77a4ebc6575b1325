import { formatMinor } from '../../core/money.ts';
import type { CheckResult } from '../run-result.ts';
import type { Expectation } from '../scenario/expectations.ts';
import type { World } from '../world.ts';

type Outcome = Omit<CheckResult, 'name' | 'line'>;
type Args<K extends keyof Expectation> = NonNullable<Expectation[K]>;

const DAY_MS = 86_400_000;
const verdict = (ok: boolean) => (ok ? ('passed' as const) : ('failed' as const));
const yuan = (minor: number) => (minor < 0 ? `-${formatMinor(-minor)}` : formatMinor(minor));

/** `today` and `tomorrow` are business days on the host's calendar at the moment of judging. */
function businessDate(world: World, date: string): string {
  if (date === 'today') return world.host.statements.businessDay(world.clock.now());
  if (date === 'tomorrow') return world.host.statements.businessDay(world.clock.now() + DAY_MS);
  return date;
}

/** Each value the scenario names, against the same item of the host's statement; the rest are not judged. */
export function judgeStatement(world: World, wanted: Args<'host.statement'>): Outcome {
  const merchant = wanted.merchant ?? world.scenario.merchant.id;
  const date = businessDate(world, wanted.date);
  const s = world.host.statements.statement(merchant, date);
  const items: [name: string, expected: string | number | undefined, actual: string | number, money: boolean][] = [
    ['settlement', wanted.settlement, s.settlement, false],
    ['payout_date', wanted.payout_date === undefined ? undefined : businessDate(world, wanted.payout_date), s.payoutDate, false],
    ['sales', wanted.sales, s.salesCount, false],
    ['gross', wanted.gross, s.grossMinor, true],
    ['refunds', wanted.refunds, s.refundsCount, false],
    ['refunds_amount', wanted.refunds_amount, s.refundsMinor, true],
    ['discount_fees', wanted.discount_fees, s.discountFeesMinor, true],
    ['payout_fee', wanted.payout_fee, s.payoutFeeMinor, true],
    ['fees', wanted.fees, s.feesMinor, true],
    ['net', wanted.net, s.netMinor, true],
  ];
  const judged = items.filter(([, expected]) => expected !== undefined);
  const show = (value: string | number | undefined, money: boolean) => (money && typeof value === 'number' ? yuan(value) : String(value));
  const where = `statement of ${merchant} for ${date}`;
  return {
    verdict: verdict(judged.every(([, expected, actual]) => expected === actual)),
    expected: `${where}: ${judged.map(([name, expected, , money]) => `${name} ${show(expected, money)}`).join(', ')}`,
    actual: judged.map(([name, , actual, money]) => `${name} ${show(actual, money)}`).join(', '),
  };
}

/**
 * The host's differences for this terminal's reconciled batches must be exactly the ones
 * named, matched one to one by trace and whatever else the scenario says of each. The amount
 * is the host's (or the terminal's, for a transaction the host never had).
 */
export function judgeReconciliation(world: World, wanted: Args<'host.reconciliation'>): Outcome {
  const rows = world.host.queries
    .reconciliations({ terminalId: world.scenario.terminal.id })
    .filter((row) => wanted.batch === undefined || row.batch === wanted.batch);
  const found = rows.flatMap((row) => row.differences.map((d) => ({ ...d, amountMinor: d.hostMinor ?? d.terminalMinor })));
  const describe = (d: { trace?: string; stan?: string; kind?: string; action?: string; amount?: number; amountMinor?: number }) => {
    const money = d.amount ?? d.amountMinor;
    return [`trace ${d.trace ?? d.stan}`, d.kind, d.action, money === undefined ? undefined : `RMB ${yuan(money)}`].filter(Boolean).join(' ');
  };
  const left = [...found];
  const unmatched = wanted.differences.filter((w) => {
    const index = left.findIndex(
      (d) =>
        d.stan === w.trace &&
        (w.kind === undefined || d.kind === w.kind) &&
        (w.action === undefined || d.action === w.action) &&
        (w.amount === undefined || d.amountMinor === w.amount),
    );
    if (index < 0) return true;
    left.splice(index, 1);
    return false;
  });
  const batches = wanted.batch === undefined ? 'the reconciled batches' : `batch ${wanted.batch}`;
  return {
    verdict: verdict(rows.length > 0 && unmatched.length === 0 && left.length === 0),
    expected: `${batches}: ${wanted.differences.map(describe).join('; ') || 'no differences'}`,
    actual:
      rows.length === 0
        ? 'no batch of this terminal was reconciled'
        : `${found.map(describe).join('; ') || 'no differences'} (batches ${rows.map((r) => r.batch).join(', ')})`,
  };
}
