import type { RunResult } from '../harness/run-result.ts';

/** The run as JSON; with the same seed only the `wall*` fields differ between runs. */
export function renderJson(run: RunResult): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}
