import { assembleRun, replayCommand } from './assemble-run.ts';
import { planRun, type PlanOptions } from './run-plan.ts';
import type { RunResult, ScenarioResult } from './run-result.ts';
import { runScenario } from './runner/run-scenario.ts';

export const DEFAULT_SEED = 1;

export interface RunOptions extends PlanOptions {
  readonly seed: number;
  /** Stop after the first scenario that does not pass; the rest count as not run. */
  readonly bail?: boolean;
  /** Write receipt goldens from this run instead of comparing with them. */
  readonly updateGoldens?: boolean;
  /** Told how many scenarios will play, before the first one starts. */
  readonly onStart?: (total: number) => void;
  /** Told as each scenario finishes, for progress output. */
  readonly onScenario?: (result: ScenarioResult, done: number, total: number) => void;
}

/** Plays the selected scenarios one after another in this process. */
export async function runSuite(options: RunOptions): Promise<RunResult> {
  const wallStartedAt = new Date().toISOString(); // wall-clock: reported as wallStartedAt only
  const wallStart = performance.now();
  const plan = await planRun(options);
  const total = plan.scenarios.length;
  options.onStart?.(total);
  const results: ScenarioResult[] = [];
  for (const scenario of plan.scenarios) {
    const seed = scenario.seed ?? options.seed;
    const result = await runScenario(scenario, {
      seed,
      replay: replayCommand(scenario.file, seed),
      updateGoldens: options.updateGoldens ?? false,
    });
    results.push(result);
    options.onScenario?.(result, results.length, total);
    if (options.bail && result.verdict !== 'passed') break;
  }
  return assembleRun(results, {
    paths: options.paths,
    seed: options.seed,
    selection: plan.selection,
    ...(plan.catalogue ? { catalogue: plan.catalogue } : {}),
    notRun: total - results.length,
    wallStartedAt,
    wallMs: Math.round(performance.now() - wallStart),
  });
}
