import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { writeReports } from '../../reports/write.ts';
import { assembleRun } from '../assemble-run.ts';
import { findCatalogue, loadCatalogue } from '../conformance/catalogue.ts';
import type { ScenarioResult, Selection } from '../run-result.ts';
import { githubAnnotations } from '../cli/github-annotations.ts';
import { summaryLine } from '../cli/console-output.ts';
import { readSettings } from './settings.ts';

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
    const tests = modules.flatMap((module) => [...module.children.allTests()]);
    const results = tests.map((test) => test.meta().poslab).filter((r): r is ScenarioResult => r !== undefined);
    const file = this.settings.requirements ?? findCatalogue(this.settings.paths);
    const catalogue = file === undefined ? undefined : { file, requirements: await loadCatalogue(file) };
    const chosen = this.settings.selection ? (JSON.parse(this.settings.selection) as Partial<Selection>) : {};
    const selection: Selection = { tags: [], suites: [], ...chosen, ...(this.shard ? { shard: this.shard } : {}) };
    const run = assembleRun(results, {
      paths: this.settings.paths,
      seed: this.settings.seed,
      selection,
      ...(catalogue ? { catalogue } : {}),
      notRun: tests.filter((test) => test.result().state === 'skipped').length,
      wallStartedAt: this.wallStartedAt,
      // Merging replays no scenario, so the wall time worth reporting is the one the shards spent.
      wallMs: this.merging ? results.reduce((sum, r) => sum + r.wallMs, 0) : Math.round(performance.now() - this.wallStart),
    });
    await writeReports(run, this.settings.out);
    if (process.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(run)) console.log(line);
    console.log(summaryLine(run, this.settings.out));
  }
}
