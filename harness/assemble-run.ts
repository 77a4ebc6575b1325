import { readFileSync } from 'node:fs';
import { scoreConformance, summariseMetrics } from './conformance/score.ts';
import type { Catalogue } from './run-plan.ts';
import type { RunResult, ScenarioResult, Selection } from './run-result.ts';
import { selectionFlags } from './selection.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface RunFacts {
  readonly paths: readonly string[];
  readonly seed: number;
  readonly selection: Selection;
  readonly catalogue?: Catalogue;
  /** Scenarios selected but never played (`--bail`). */
  readonly notRun: number;
  readonly wallStartedAt: string;
  readonly wallMs: number;
}

/** The one-line command that plays one scenario again, exactly. */
export function replayCommand(file: string, seed: number): string {
  return `npx poslab run ${file} --seed ${seed}`;
}

/**
 * Builds the run's result from its scenario results, in file order whatever order they
 * finished in (so parallel and sharded runs give the same JSON), scored against the catalogue.
 */
export function assembleRun(results: readonly ScenarioResult[], facts: RunFacts): RunResult {
  const scenarios = [...results].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.id.localeCompare(b.id)));
  const count = (verdict: ScenarioResult['verdict']) => scenarios.filter((s) => s.verdict === verdict).length;
  return {
    tool: { name: 'poslab', version },
    seed: facts.seed,
    command: ['npx poslab run', ...facts.paths, '--seed', String(facts.seed), ...selectionFlags(facts.selection)].join(' '),
    selection: facts.selection,
    wallStartedAt: facts.wallStartedAt,
    wallMs: facts.wallMs,
    virtualMs: scenarios.reduce((sum, s) => sum + s.virtualMs, 0),
    summary: { total: scenarios.length, passed: count('passed'), failed: count('failed'), broken: count('broken'), notRun: facts.notRun },
    ...(facts.catalogue ? { conformance: scoreConformance(facts.catalogue.file, facts.catalogue.requirements, scenarios) } : {}),
    performance: summariseMetrics(scenarios.flatMap((s) => s.samples)),
    scenarios,
  };
}
