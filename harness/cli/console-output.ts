import pc from 'picocolors';
import { humanDuration as seconds } from '../../reports/duration.ts';
import type { RunResult, ScenarioResult } from '../run-result.ts';


const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);

/** What went wrong in a scenario, one plain line per problem (file:line first), then the replay command. */
export function failureLines(result: ScenarioResult): string[] {
  const lines: string[] = [];
  if (result.error) lines.push(`${result.verdict === 'broken' ? 'poslab crashed' : 'error'}: ${result.error.split('\n')[0]}`);
  for (const step of result.steps.filter((s) => s.verdict === 'failed' && s.error)) {
    lines.push(`${result.file}:${step.line} step ${step.index + 1} ${step.label}: ${step.error}`);
  }
  for (const check of result.checks.filter((c) => c.verdict === 'failed')) {
    lines.push(`${check.line ? `${result.file}:${check.line} ` : ''}${check.name}: expected ${check.expected}; actual ${check.actual.split('\n')[0]}`);
  }
  lines.push(`replay: ${result.replay}`);
  return lines;
}

const MARK = { passed: pc.green('✓'), failed: pc.red('✗'), broken: pc.magenta('!') } as const;

/** One line per scenario as it finishes; failures get what went wrong under them. */
export function scenarioLine(result: ScenarioResult): string {
  const head = `${MARK[result.verdict]} ${pc.bold(result.id)} ${result.title} ${pc.dim(`(seed ${result.seed}, ${seconds(result.virtualMs)} virtual, ${result.wallMs} ms)`)}`;
  if (result.verdict === 'passed') return head;
  return [head, ...failureLines(result).map((line) => `    ${line.startsWith('replay: ') ? pc.cyan(line) : line}`)].join('\n');
}

export function summaryLine(run: RunResult, out: string): string {
  const { passed, failed, broken, notRun, total } = run.summary;
  const counts = [
    pc.green(`${passed} passed`),
    failed > 0 ? pc.red(`${failed} failed`) : `${failed} failed`,
    ...(broken > 0 ? [pc.magenta(`${broken} broken (poslab crashed)`)] : []),
    ...(notRun > 0 ? [pc.yellow(`${notRun} not run (--bail)`)] : []),
  ].join(', ');
  const compression = run.wallMs > 0 ? ` (${Math.round(run.virtualMs / run.wallMs)}× real time)` : '';
  const score = run.conformance
    ? `\nconformance ${pc.bold(percent(run.conformance.overall.score))} of ${run.conformance.catalogue} · pass rate ${percent(run.conformance.overall.passRate)} · coverage ${percent(run.conformance.overall.coverage)} (${run.conformance.overall.notCovered} requirements not covered)`
    : '';
  return `\n${counts} of ${total} — seed ${run.seed}, ${seconds(run.virtualMs)} virtual in ${seconds(run.wallMs)} wall${compression}${score}\nreport: ${out}/index.html  junit: ${out}/junit.xml  json: ${out}/results.json`;
}
