import junitModule, { type Builder } from 'junit-report-builder';
import type { RunResult } from '../harness/run-result.ts';

// The package's CommonJS export is the builder itself, while its typings describe an ES default.
const junit = junitModule as unknown as Builder;

/** JUnit XML for CI dashboards: one test suite per scenario suite, one test case per scenario. */
export function renderJunit(run: RunResult): string {
  const builder = junit.newBuilder();
  const suites = new Map<string, ReturnType<typeof builder.testSuite>>();
  for (const scenario of run.scenarios) {
    let suite = suites.get(scenario.suite);
    if (!suite) {
      suite = builder.testSuite().name(`poslab.${scenario.suite}`);
      suites.set(scenario.suite, suite);
    }
    const test = suite
      .testCase()
      .className(`poslab.${scenario.suite}`)
      .name(`${scenario.id} ${scenario.title}`)
      .file(scenario.file)
      .time(scenario.wallMs / 1000);
    const failedChecks = scenario.checks.filter((c) => c.verdict === 'failed');
    const failedSteps = scenario.steps.filter((s) => s.verdict === 'failed' && s.error);
    if (scenario.error) {
      test.error(scenario.error.split('\n')[0], 'error', scenario.error);
    } else if (scenario.verdict === 'failed') {
      const lines = [
        ...failedSteps.map((s) => `${scenario.file}:${s.line} ${s.label}: ${s.error}`),
        ...failedChecks.map((c) => `${c.line ? `${scenario.file}:${c.line} ` : ''}${c.name}: expected ${c.expected}; actual ${c.actual}`),
      ];
      test.failure(lines[0] ?? 'scenario failed', 'conformance').stacktrace(lines.join('\n'));
    }
    test.standardOutput(`seed ${scenario.seed}\nreplay: ${scenario.replay}`);
  }
  return builder.build();
}
