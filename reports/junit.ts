import junitModule, { type Builder } from 'junit-report-builder';
import type { RunResult, ScenarioResult } from '../harness/run-result.ts';

// The package's CommonJS export is the builder itself, while its typings describe an ES default.
const junit = junitModule as unknown as Builder;

/** What went wrong, one line per failed step or check, each starting with file:line. */
function problems(s: ScenarioResult): string[] {
  return [
    ...(s.error ? [`${s.file}: ${s.error.split('\n')[0]}`] : []),
    ...s.steps.filter((step) => step.verdict === 'failed' && step.error).map((step) => `${s.file}:${step.line} ${step.label}: ${step.error}`),
    ...s.checks
      .filter((c) => c.verdict === 'failed')
      .map((c) => `${c.line ? `${s.file}:${c.line} ` : `${s.file}: `}${c.name}: expected ${c.expected}; actual ${c.actual.split('\n')[0]}`),
  ];
}

/**
 * JUnit XML for CI dashboards: one test suite per scenario suite, one test case per scenario.
 * A failed scenario is a `failure` (the terminal or host broke a requirement); a broken one is
 * an `error` (poslab itself crashed), as JUnit tells assertion failures from errors.
 */
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
      .time(scenario.wallMs / 1000)
      .property('seed', String(scenario.seed))
      .property('requirements', scenario.requirements.join(' '));
    const lines = problems(scenario);
    if (scenario.verdict === 'broken') test.error(lines[0] ?? 'poslab crashed', 'poslab', scenario.error);
    else if (scenario.verdict === 'failed') test.failure(lines[0] ?? 'scenario failed', 'conformance').stacktrace(lines.join('\n'));
    test.standardOutput(`seed ${scenario.seed}\nreplay: ${scenario.replay}`);
  }
  return builder.build();
}
