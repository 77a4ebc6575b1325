import pc from 'picocolors';
import type { RunResult, ScenarioResult } from '../run-result.ts';

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

/** One line per scenario as it finishes; failures get their failed checks under them. */
export function scenarioLine(result: ScenarioResult): string {
  const mark = result.verdict === 'passed' ? pc.green('✓') : pc.red('✗');
  const head = `${mark} ${pc.bold(result.id)} ${result.title} ${pc.dim(`(seed ${result.seed}, ${seconds(result.virtualMs)} virtual, ${result.wallMs} ms)`)}`;
  if (result.verdict === 'passed') return head;
  const details: string[] = [];
  if (result.error) details.push(`    ${pc.red('error')}: ${result.error.split('\n')[0]}`);
  for (const step of result.steps.filter((s) => s.verdict === 'failed' && s.error)) {
    details.push(`    ${pc.red(`step ${step.index + 1}`)} ${result.file}:${step.line} ${step.label}: ${step.error}`);
  }
  for (const check of result.checks.filter((c) => c.verdict === 'failed')) {
    const where = check.line ? `${result.file}:${check.line} ` : '';
    details.push(`    ${pc.red(check.name)} ${where}\n      expected: ${check.expected}\n      actual:   ${check.actual.split('\n')[0]}`);
  }
  details.push(`    replay: ${pc.cyan(result.replay)}`);
  return [head, ...details].join('\n');
}

export function summaryLine(run: RunResult, out: string): string {
  const { passed, failed, total } = run.summary;
  const counts = `${pc.green(`${passed} passed`)}, ${failed > 0 ? pc.red(`${failed} failed`) : `${failed} failed`} of ${total}`;
  const compression = run.wallMs > 0 ? ` (${Math.round(run.virtualMs / run.wallMs)}× real time)` : '';
  return `\n${counts} — seed ${run.seed}, ${seconds(run.virtualMs)} virtual in ${seconds(run.wallMs)} wall${compression}\nreport: ${out}/index.html  junit: ${out}/junit.xml  json: ${out}/results.json`;
}
