import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type PerformanceSample } from '../run-result.ts';
import type { Requirement } from './catalogue.ts';
import { aggregate, gradeBudget, percentile, scoreConformance, scoreRequirements, summariseMetrics, type ScoredScenario } from './score.ts';

const requirement = (id: string, weight: number, category: Requirement['category'] = 'transactions'): Requirement => ({
  id,
  text: `requirement ${id}`,
  category,
  weight,
  source: ['SEED'],
  line: 1,
});

const scenario = (id: string, verdict: ScoredScenario['verdict'], requirements: string[], samples: PerformanceSample[] = []): ScoredScenario => ({
  id,
  verdict,
  requirements,
  samples,
});

/** A catalogue of requirements with random weights, and scenarios verifying random subsets of them. */
const world = fc
  .array(fc.record({ weight: fc.integer({ min: 1, max: 20 }), category: fc.constantFrom(...CATEGORIES) }), { minLength: 1, maxLength: 12 })
  .chain((specs) =>
    fc.record({
      catalogue: fc.constant(specs.map((spec, i) => requirement(`REQ-${i}`, spec.weight, spec.category))),
      scenarios: fc.array(
        fc.record({
          verdict: fc.constantFrom('passed' as const, 'failed' as const, 'broken' as const),
          requirements: fc.subarray(specs.map((_, i) => `REQ-${i}`)),
        }),
        { maxLength: 8 },
      ),
    }),
  )
  .map(({ catalogue, scenarios }) => ({ catalogue, scenarios: scenarios.map((s, i) => scenario(`S-${i}`, s.verdict, s.requirements)) }));

describe('conformance score', () => {
  test.prop([world])('every share lies in 0–1 and score = coverage × pass rate', ({ catalogue, scenarios }) => {
    const { overall } = scoreConformance('c.yaml', catalogue, scenarios);
    expect(overall.passRate === null).toBe(overall.coveredWeight === 0);
    for (const share of [overall.score, overall.passRate ?? 0, overall.coverage]) {
      expect(share).not.toBeNull();
      expect(share!).toBeGreaterThanOrEqual(0);
      expect(share!).toBeLessThanOrEqual(1);
    }
    if (overall.coveredWeight > 0) expect(overall.score!).toBeCloseTo(overall.coverage! * overall.passRate!, 3);
    expect(overall.passed + overall.failed + overall.notCovered).toBe(catalogue.length);
  });

  test.prop([world, fc.integer({ min: 2, max: 50 })])('scaling every weight by the same factor changes no share', ({ catalogue, scenarios }, k) => {
    const scaled = catalogue.map((r) => ({ ...r, weight: r.weight * k }));
    const a = scoreConformance('c.yaml', catalogue, scenarios).overall;
    const b = scoreConformance('c.yaml', scaled, scenarios).overall;
    expect(b.score!).toBeCloseTo(a.score!, 3);
    expect(b.passRate ?? 0).toBeCloseTo(a.passRate ?? 0, 3);
    expect(b.weight).toBe(a.weight * k);
  });

  test.prop([world])('the overall score is the category scores weighted by category weight', ({ catalogue, scenarios }) => {
    const result = scoreConformance('c.yaml', catalogue, scenarios);
    const earned = result.categories.reduce((sum, c) => sum + c.score! * c.weight, 0);
    expect(earned / result.overall.weight).toBeCloseTo(result.overall.score!, 3);
  });

  test.prop([world, fc.nat()])('raising the weight of a passed requirement never lowers the score', ({ catalogue, scenarios }, pick) => {
    const before = scoreRequirements(catalogue, scenarios);
    const passed = before.filter((r) => r.status === 'passed');
    fc.pre(passed.length > 0);
    const target = passed[pick % passed.length]!.id;
    const heavier = catalogue.map((r) => (r.id === target ? { ...r, weight: r.weight + 5 } : r));
    expect(aggregate(scoreRequirements(heavier, scenarios)).score!).toBeGreaterThanOrEqual(aggregate(before).score! - 1e-4);
  });

  it('passes a requirement only when every scenario verifying it passed; an unverified one is not covered', () => {
    const results = scoreRequirements(
      [requirement('A-1', 1), requirement('A-2', 1), requirement('A-3', 1)],
      [scenario('S1', 'passed', ['A-1', 'A-2']), scenario('S2', 'failed', ['A-2'])],
    );
    expect(results.map((r) => [r.id, r.status, r.scenarios])).toEqual([
      ['A-1', 'passed', ['S1']],
      ['A-2', 'failed', ['S1', 'S2']],
      ['A-3', 'not-covered', []],
    ]);
  });

  it('weights the score: 3 of 4 weight passed, 1 not covered → score 0.75, pass rate 1, coverage 0.75', () => {
    const overall = aggregate(scoreRequirements([requirement('A-1', 3), requirement('A-2', 1)], [scenario('S1', 'passed', ['A-1'])]));
    expect(overall).toMatchObject({ score: 0.75, passRate: 1, coverage: 0.75, passed: 1, notCovered: 1 });
  });
});

describe('performance budgets', () => {
  const sample = (ms: number, ok = true): PerformanceSample => ({ metric: 'txn.sale', ms, t: 0, ok });
  const budgeted = (stat: 'p95' | 'max' | 'ok_rate', limit: number): Requirement => ({
    ...requirement('PRF-X', 2, 'performance'),
    budget: { metric: 'txn.sale', stat, limit },
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(values, 0.5)).toBe(100);
    expect(percentile(values, 0.95)).toBe(190);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeUndefined();
  });

  it('gives full credit within budget and limit ÷ measured over it', () => {
    expect(gradeBudget(budgeted('max', 1000), [sample(400), sample(900)])).toMatchObject({ measured: 900, credit: 1, samples: 2 });
    expect(gradeBudget(budgeted('max', 1000), [sample(400), sample(2000)])).toMatchObject({ measured: 2000, credit: 0.5 });
  });

  it('times only the ok samples, and rates them for ok_rate', () => {
    const samples = [sample(100), sample(60_000, false), sample(200), sample(300)];
    expect(gradeBudget(budgeted('max', 1000), samples)).toMatchObject({ measured: 300, credit: 1 });
    expect(gradeBudget(budgeted('ok_rate', 0.9), samples)).toMatchObject({ measured: 0.75, credit: 0.8333 });
  });

  it('earns nothing without samples, and scales a passed requirement by its budget credit', () => {
    expect(gradeBudget(budgeted('p95', 1000), [])).toMatchObject({ samples: 0, credit: 0 });
    const [result] = scoreRequirements([budgeted('max', 1000)], [scenario('S1', 'passed', ['PRF-X'], [sample(4000)])]);
    expect(result).toMatchObject({ status: 'passed', credit: 0.25, budget: { measured: 4000 } });
  });

  it('summarises every metric over the run, sorted by name', () => {
    const summary = summariseMetrics([sample(100), sample(300), { metric: 'host.sale', ms: 5, t: 0, ok: false }]);
    expect(summary).toEqual([
      { metric: 'host.sale', samples: 1, ok: 0 },
      { metric: 'txn.sale', samples: 2, ok: 2, p50: 100, p95: 300, max: 300 },
    ]);
  });
});
