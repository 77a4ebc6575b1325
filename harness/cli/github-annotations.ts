import type { RunResult } from '../run-result.ts';
import { failureLines } from './console-output.ts';

// GitHub's workflow-command escaping: data escapes % CR LF; property values also : and ,.
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(file: string, line: number | undefined, title: string, message: string): string {
  const where = [`file=${property(file)}`, ...(line ? [`line=${line}`] : []), `title=${property(title)}`].join(',');
  return `::error ${where}::${data(message)}`;
}

/**
 * `::error` workflow commands for a GitHub Actions log: one per failed step or check, at the
 * scenario file and line that wrote it, so the pull request shows them on the YAML.
 */
export function githubAnnotations(run: RunResult): string[] {
  const out: string[] = [];
  for (const s of run.scenarios.filter((scenario) => scenario.verdict !== 'passed')) {
    const title = `${s.id} ${s.verdict}`;
    const replay = `\nreplay: ${s.replay}`;
    const before = out.length;
    if (s.error) out.push(command(s.file, undefined, title, `${s.verdict === 'broken' ? 'poslab crashed' : 'error'}: ${s.error.split('\n')[0]}${replay}`));
    for (const step of s.steps.filter((x) => x.verdict === 'failed' && x.error)) {
      out.push(command(s.file, step.line, title, `step ${step.index + 1} ${step.label}: ${step.error}${replay}`));
    }
    for (const check of s.checks.filter((c) => c.verdict === 'failed')) {
      out.push(command(s.file, check.line, title, `${check.name}: expected ${check.expected}\nactual ${check.actual}${replay}`));
    }
    if (out.length === before) out.push(command(s.file, undefined, title, failureLines(s).join('\n')));
  }
  return out;
}
