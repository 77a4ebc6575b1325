import { collectScenarioFiles } from './collect.ts';
import { findCatalogue, loadCatalogue, type Requirement } from './conformance/catalogue.ts';
import { checkRequirementRefs } from './conformance/requirement-refs.ts';
import { PoslabError } from '../platform/errors.ts';
import type { Selection } from './run-result.ts';
import { loadScenario, ScenarioError, type ScenarioIssue } from './scenario/loader.ts';
import type { Scenario } from './scenario/scenario.ts';
import { select } from './selection.ts';

export interface Catalogue {
  readonly file: string;
  readonly requirements: readonly Requirement[];
}

/** What a run will play, decided before anything plays: every input problem surfaces here (exit 2). */
export interface RunPlan {
  readonly scenarios: readonly Scenario[];
  readonly catalogue?: Catalogue;
  readonly selection: Selection;
}

export interface PlanOptions {
  readonly paths: readonly string[];
  readonly selection?: Partial<Selection>;
  /** The requirement catalogue; found next to the scenarios when not given (`findCatalogue`). */
  readonly requirements?: string;
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

export async function planRun(options: PlanOptions): Promise<RunPlan> {
  const selection: Selection = { tags: [], suites: [], ...options.selection };
  const all = await loadAll(options.paths);
  const file = options.requirements ?? findCatalogue(options.paths);
  let catalogue: Catalogue | undefined;
  if (file !== undefined) {
    catalogue = { file, requirements: await loadCatalogue(file) };
    await checkRequirementRefs(all, catalogue.requirements, file);
  }
  const scenarios = select(all, selection);
  if (scenarios.length === 0) {
    throw new PoslabError('NOTHING_SELECTED', `none of the ${all.length} scenarios under ${options.paths.join(', ')} matches the --grep/--tag/--suite given`, {
      side: 'input',
    });
  }
  return { scenarios, selection, ...(catalogue ? { catalogue } : {}) };
}
