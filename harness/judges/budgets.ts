import { percentile } from '../conformance/score.ts';
import { performanceSamples } from '../conformance/samples.ts';
import type { CheckResult, TimelineEntry } from '../run-result.ts';
import type { Budgets } from '../scenario/budgets.ts';

/** `sale` means the cardholder's wait (`txn.sale`); `host.sale`, `recovery` and other metric names are taken as written. */
export function budgetMetric(name: string): string {
  return name.includes('.') || name === 'recovery' ? name : `txn.${name}`;
}

/**
 * Holds a scenario to its own performance budgets, measured from its timeline: nearest-rank
 * p50/p95 or the maximum over the samples that succeeded (e.g. card presented → approved shown).
 */
export function judgeBudgets(timeline: readonly TimelineEntry[], budgets: Budgets): CheckResult[] {
  const samples = performanceSamples(timeline);
  return Object.entries(budgets).map(([key, limitMs]) => {
    const [, name = '', stat = ''] = /^(.*)\.(p50|p95|max)$/.exec(key) ?? [];
    const metric = budgetMetric(name);
    const times = samples
      .filter((s) => s.metric === metric && s.ok)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const measured = stat === 'max' ? times.at(-1) : percentile(times, stat === 'p50' ? 0.5 : 0.95);
    const expected = `${key} ≤ ${limitMs} ms`;
    if (measured === undefined) return { name: `budget ${key}`, verdict: 'failed', expected, actual: `no successful ${metric} measured` };
    return {
      name: `budget ${key}`,
      verdict: measured <= limitMs ? 'passed' : 'failed',
      expected,
      actual: `${key} = ${measured} ms over ${times.length} sample${times.length === 1 ? '' : 's'}`,
    };
  });
}
