import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { replayCommand } from '../assemble-run.ts';
import type { ScenarioResult } from '../run-result.ts';
import { runScenario } from '../runner/run-scenario.ts';
import { parseScenario } from '../scenario/loader.ts';
import { failureLines } from '../cli/console-output.ts';
import { readSettings } from './settings.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** The scenario's whole result, carried to the poslab reporter (and through blob reports when sharded). */
    poslab?: ScenarioResult;
  }
}

/** A scenario that did not pass, as a test failure whose message lists what went wrong. */
export class ScenarioFailure extends Error {
  constructor(result: ScenarioResult) {
    super([`${result.id} ${result.verdict}`, ...failureLines(result)].join('\n'));
    this.name = 'ScenarioFailure';
  }
}

/** Registers one Vitest test that plays one scenario file. */
export function scenarioTest(file: string): void {
  const scenario = parseScenario(readFileSync(file, 'utf8'), file);
  const settings = readSettings();
  const seed = scenario.seed ?? settings.seed;
  it(`${scenario.id} ${scenario.title}`, async ({ task }) => {
    const result = await runScenario(scenario, { seed, replay: replayCommand(file, seed), updateGoldens: settings.updateGoldens });
    task.meta.poslab = result;
    if (result.verdict !== 'passed') throw new ScenarioFailure(result);
  });
}
