import pc from 'picocolors';
import type { ScenarioResult } from '../run-result.ts';
import { scenarioLine } from './console-output.ts';

export interface Progress {
  start(total: number): void;
  scenario(result: ScenarioResult, done: number, total: number): void;
  end(): void;
}

/** Not a terminal (CI logs, pipes): one plain line per scenario. */
export function lineProgress(print: (line: string) => void = console.log): Progress {
  return { start: () => undefined, scenario: (result) => print(scenarioLine(result)), end: () => undefined };
}

/**
 * A terminal: one line that rewrites itself (done/total, failures so far, the scenario just
 * finished); a failure is printed in full above it and stays on screen.
 */
export function ttyProgress(stream: NodeJS.WriteStream = process.stdout): Progress {
  let failures = 0;
  const clear = () => stream.write('\r\x1b[2K');
  return {
    start: (total) => stream.write(pc.dim(`poslab: 0/${total}`)),
    scenario(result, done, total) {
      clear();
      if (result.verdict !== 'passed') {
        failures++;
        stream.write(`${scenarioLine(result)}\n`);
      }
      const failed = failures > 0 ? pc.red(` · ${failures} failed`) : '';
      stream.write(`${pc.bold(`${done}/${total}`)}${failed} ${pc.dim(`${result.id} ${result.title}`.slice(0, Math.max(20, (stream.columns || 80) - 20)))}`);
    },
    end: clear,
  };
}

export function progressFor(stream: NodeJS.WriteStream = process.stdout): Progress {
  return stream.isTTY ? ttyProgress(stream) : lineProgress();
}
