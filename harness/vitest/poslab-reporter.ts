import { basename } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { writeReports } from '../../reports/write.ts';
import { assembleRun, replayCommand } from '../assemble-run.ts';
import { displayPath } from '../collect.ts';
import { findCatalogue, loadCatalogue } from '../conformance/catalogue.ts';
import type { ScenarioResult, Selection } from '../run-result.ts';
import { githubAnnotations } from '../cli/github-annotations.ts';
import { summaryLine } from '../cli/console-output.ts';
import { readSettings } from './settings.ts';

/** A scenario file Vitest could not play to a result (it failed to load, or the test died): poslab failed, exit 3. */
function unplayed(file: string, message: string, seed: number): ScenarioResult {
  return {
    id: basename(file).replace(/\.ya?ml$/, ''),
    title: 'could not be played',
    file,
    suite: 'unplayed',
    tags: [],
    requirements: [],
    verdict: 'broken',
    seed,
    replay: replayCommand(file, seed),
    virtualMs: 0,
    wallMs: 0,
    steps: [],
    checks: [],
    timeline: [],
    receipts: [],
    samples: [],
    error: message || 'Vitest reported no result',
  };
}

/** Each test's result; a file or test that produced none counts as broken, a skipped one (`--bail`) as not run. */
export function scenarioResults(modules: ReadonlyArray<TestModule>, seed: number): { results: ScenarioResult[]; notRun: number } {
  const results: ScenarioResult[] = [];
  let notRun = 0;
  for (const module of modules) {
    const file = displayPath(module.moduleId);
    const tests = [...module.children.allTests()];
    const errors = module.errors().map((e) => e.message);
    if (tests.length === 0 && errors.length > 0) results.push(unplayed(file, errors.join('\n'), seed));
    for (const test of tests) {
      const outcome = test.result();
      const poslab = test.meta().poslab;
      if (poslab) results.push(poslab);
      else if (outcome.state === 'failed') results.push(unplayed(file, outcome.errors.map((e) => e.message).join('\n'), seed));
      else notRun++;
    }
  }
  return { results, notRun };
}

/**
 * Builds poslab's reports from a Vitest run of scenario files — a local parallel run, one
 * shard, or `--merge-reports` of every shard — using the `ScenarioResult` each test carried
 * in its meta. Vitest's own reporters print the progress; this one adds scores and artefacts.
 */
export class PoslabReporter implements Reporter {
  private readonly settings = readSettings();
  private readonly wallStartedAt = new Date().toISOString(); // wall-clock: reported as wallStartedAt only
  private readonly wallStart = performance.now();
  private shard: string | undefined;
  private merging = false;

  onInit(vitest: Vitest): void {
    const shard = vitest.config.shard;
    this.shard = shard ? `${shard.index}/${shard.count}` : undefined;
    this.merging = Boolean(vitest.config.mergeReports);
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    const collected = scenarioResults(modules, this.settings.seed);
    const { results } = collected;
    // Files a bail stopped before they were even collected never show up as modules.
    const planned = !this.shard && !this.merging ? (this.settings.files?.length ?? 0) : 0;
    const notRun = Math.max(collected.notRun, planned - results.length);
    const file = this.settings.requirements ?? findCatalogue(this.settings.paths);
    const catalogue = file === undefined ? undefined : { file, requirements: await loadCatalogue(file) };
    const chosen = this.settings.selection ? (JSON.parse(this.settings.selection) as Partial<Selection>) : {};
    const selection: Selection = { tags: [], suites: [], ...chosen, ...(this.shard ? { shard: this.shard } : {}) };
    const run = assembleRun(results, {
      paths: this.settings.paths,
      seed: this.settings.seed,
      selection,
      ...(catalogue ? { catalogue } : {}),
      notRun,
      wallStartedAt: this.wallStartedAt,
      // Merging replays no scenario, so the wall time worth reporting is the one the shards spent.
      wallMs: this.merging ? results.reduce((sum, r) => sum + r.wallMs, 0) : Math.round(performance.now() - this.wallStart),
    });
    await writeReports(run, this.settings.out);
    if (process.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(run)) console.log(line);
    console.log(summaryLine(run, this.settings.out));
  }
}
