import { readFileSync } from 'node:fs';
import { collectScenarioFiles } from './collect.ts';
import { loadScenario, ScenarioError, type ScenarioIssue } from './scenario/loader.ts';
import type { Scenario } from './scenario/scenario.ts';
import type { RunResult, ScenarioResult } from './run-result.ts';
import { runScenario } from './runner/run-scenario.ts';

export const DEFAULT_SEED = 1;

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface RunOptions {
  readonly paths: readonly string[];
  readonly seed: number;
  /** Told as each scenario finishes, for progress output. */
  readonly onScenario?: (result: ScenarioResult) => void;
}

/** Loads every scenario first, so one bad file stops the run before anything is played. */
export async function loadAll(paths: readonly string[]): Promise<Scenario[]> {
  const files = await collectScenarioFiles(paths);
  const issues: ScenarioIssue[] = [];
  const scenarios: Scenario[] = [];
  for (const file of files) {
    try {
      scenarios.push(await loadScenario(file));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return scenarios;
}

export function replayCommand(file: string, seed: number): string {
  return `npx poslab run ${file} --seed ${seed}`;
}

export async function runSuite(options: RunOptions): Promise<RunResult> {
  const wallStartedAt = new Date().toISOString(); // wall-clock: reported as wallStartedAt only
  const wallStart = performance.now();
  const scenarios = await loadAll(options.paths);
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const seed = scenario.seed ?? options.seed;
    const result = await runScenario(scenario, { seed, replay: replayCommand(scenario.file, seed) });
    results.push(result);
    options.onScenario?.(result);
  }
  const passed = results.filter((r) => r.verdict === 'passed').length;
  return {
    tool: { name: 'poslab', version },
    seed: options.seed,
    command: `poslab run ${options.paths.join(' ')} --seed ${options.seed}`,
    wallStartedAt,
    wallMs: Math.round(performance.now() - wallStart),
    virtualMs: results.reduce((sum, r) => sum + r.virtualMs, 0),
    summary: { total: results.length, passed, failed: results.length - passed },
    scenarios: results,
  };
}
