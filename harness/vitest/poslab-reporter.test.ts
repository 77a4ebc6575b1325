import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import type { ScenarioResult } from '../run-result.ts';
import { scenarioResults } from './poslab-reporter.ts';

type Outcome = { state: 'passed' | 'skipped' } | { state: 'failed'; errors: { message: string }[] };

/** Just enough of Vitest's reported-task API for the reporter to read. */
function module(moduleId: string, tests: { poslab?: ScenarioResult; outcome: Outcome }[], errors: string[] = []): TestModule {
  return {
    moduleId,
    errors: () => errors.map((message) => ({ message })),
    children: { allTests: () => tests.map((t) => ({ meta: () => (t.poslab ? { poslab: t.poslab } : {}), result: () => t.outcome })).values() },
  } as unknown as TestModule;
}

const played = { id: 'TXN-001', verdict: 'passed' } as ScenarioResult;

describe('the poslab reporter reading Vitest results', () => {
  it('takes each scenario result from its test, and counts skipped tests (--bail) as not run', () => {
    const { results, notRun } = scenarioResults(
      [module(`${process.cwd()}/scenarios/a.yaml`, [{ poslab: played, outcome: { state: 'passed' } }]), module(`${process.cwd()}/scenarios/b.yaml`, [{ outcome: { state: 'skipped' } }])],
      4,
    );
    expect(results).toEqual([played]);
    expect(notRun).toBe(1);
  });

  it('turns a file that failed to load, or a test that died without a result, into a broken scenario (exit 3)', () => {
    const { results } = scenarioResults(
      [
        module(`${process.cwd()}/scenarios/c.yaml`, [], ['Cannot find module ./gone.ts']),
        module(`${process.cwd()}/scenarios/d.yml`, [{ outcome: { state: 'failed', errors: [{ message: 'worker exited' }] } }]),
      ],
      4,
    );
    expect(results).toEqual([
      expect.objectContaining({ id: 'c', file: 'scenarios/c.yaml', verdict: 'broken', error: 'Cannot find module ./gone.ts', replay: 'npx poslab run scenarios/c.yaml --seed 4' }),
      expect.objectContaining({ id: 'd', file: 'scenarios/d.yml', verdict: 'broken', error: 'worker exited' }),
    ]);
  });
});
