import {
  CATEGORIES,
  type BudgetResult,
  type Conformance,
  type MetricSummary,
  type PerformanceSample,
  type RequirementResult,
  type RequirementStatus,
  type Score,
  type ScenarioResult,
} from '../run-result.ts';
import type { Requirement } from './catalogue.ts';

export type ScoredScenario = Pick<ScenarioResult, 'id' | 'verdict' | 'requirements' | 'samples'>;

/** Nearest rank: the smallest value with at least p of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

function okTimes(samples: readonly PerformanceSample[]): number[] {
  return samples.filter((s) => s.ok).map((s) => s.ms).sort((a, b) => a - b);
}

export function summariseMetrics(samples: readonly PerformanceSample[]): MetricSummary[] {
  const byMetric = new Map<string, PerformanceSample[]>();
  for (const sample of samples) byMetric.set(sample.metric, [...(byMetric.get(sample.metric) ?? []), sample]);
  return [...byMetric.keys()].sort().map((metric) => {
    const all = byMetric.get(metric)!;
    const times = okTimes(all);
    const summary: MetricSummary = { metric, samples: all.length, ok: times.length };
    if (times.length === 0) return summary;
    return { ...summary, p50: percentile(times, 0.5)!, p95: percentile(times, 0.95)!, max: times.at(-1)! };
  });
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function gradeBudget(requirement: Requirement, samples: readonly PerformanceSample[]): BudgetResult {
  const budget = requirement.budget!;
  const own = samples.filter((s) => s.metric === budget.metric);
  const base = { metric: budget.metric, stat: budget.stat, limit: budget.limit, samples: own.length };
  if (own.length === 0) return { ...base, credit: 0 };
  if (budget.stat === 'ok_rate') {
    const measured = round(own.filter((s) => s.ok).length / own.length);
    return { ...base, measured, credit: measured >= budget.limit ? 1 : round(measured / budget.limit) };
  }
  const times = okTimes(own);
  const measured = budget.stat === 'max' ? times.at(-1) : percentile(times, budget.stat === 'p50' ? 0.5 : 0.95);
  if (measured === undefined) return { ...base, credit: 0 };
  return { ...base, measured, credit: measured <= budget.limit ? 1 : round(budget.limit / measured) };
}

export function scoreRequirements(catalogue: readonly Requirement[], scenarios: readonly ScoredScenario[]): RequirementResult[] {
  return catalogue.map((requirement) => {
    const verifying = scenarios.filter((s) => s.requirements.includes(requirement.id));
    const status: RequirementStatus =
      verifying.length === 0 ? 'not-covered' : verifying.every((s) => s.verdict === 'passed') ? 'passed' : 'failed';
    const budget = requirement.budget && verifying.length > 0 ? gradeBudget(requirement, verifying.flatMap((s) => s.samples)) : undefined;
    const credit = status === 'passed' ? (budget?.credit ?? 1) : 0;
    return {
      id: requirement.id,
      text: requirement.text,
      category: requirement.category,
      weight: requirement.weight,
      source: requirement.source,
      status,
      credit,
      scenarios: verifying.map((s) => s.id),
      ...(budget ? { budget } : {}),
    };
  });
}

const share = (part: number, whole: number) => (whole === 0 ? null : round(part / whole));

export function aggregate(results: readonly RequirementResult[]): Score {
  const covered = results.filter((r) => r.status !== 'not-covered');
  const weight = results.reduce((sum, r) => sum + r.weight, 0);
  const coveredWeight = covered.reduce((sum, r) => sum + r.weight, 0);
  const earnedWeight = round(results.reduce((sum, r) => sum + r.weight * r.credit, 0));
  return {
    requirements: results.length,
    passed: results.filter((r) => r.status === 'passed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    notCovered: results.length - covered.length,
    weight,
    coveredWeight,
    earnedWeight,
    score: share(earnedWeight, weight),
    passRate: share(earnedWeight, coveredWeight),
    coverage: share(coveredWeight, weight),
  };
}

/** Scores a run against the catalogue: per requirement, per category, overall. */
export function scoreConformance(catalogueFile: string, catalogue: readonly Requirement[], scenarios: readonly ScoredScenario[]): Conformance {
  const requirements = scoreRequirements(catalogue, scenarios);
  return {
    catalogue: catalogueFile,
    overall: aggregate(requirements),
    categories: CATEGORIES.filter((category) => requirements.some((r) => r.category === category)).map((category) => ({
      category,
      ...aggregate(requirements.filter((r) => r.category === category)),
    })),
    requirements,
  };
}
