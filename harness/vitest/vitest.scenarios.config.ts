import { defineConfig } from 'vitest/config';
import { collectScenarioFiles } from '../collect.ts';
import { PoslabReporter } from './poslab-reporter.ts';
import { scenarioFilesPlugin } from './scenario-plugin.ts';
import { readSettings } from './settings.ts';

/**
 * Scenario files as Vitest test files, one test each. `poslab run --parallel/--shard` uses it;
 * so can CI directly:
 *   npx vitest run --config harness/vitest/vitest.scenarios.config.ts --shard 1/2 --reporter=blob
 *   npx vitest --merge-reports --config harness/vitest/vitest.scenarios.config.ts
 * Settings come from POSLAB_* environment variables (./settings.ts).
 */
const settings = readSettings();
const root = process.cwd();
// Collected as `poslab run` collects them: sorted, catalogues left out, folders searched recursively.
const files = settings.files ?? (await collectScenarioFiles(settings.paths, root));

export default defineConfig({
  root,
  plugins: [scenarioFilesPlugin(root)],
  test: {
    include: [...files],
    // Worlds share nothing, so one module graph per worker saves re-importing poslab per scenario.
    isolate: false,
    maxWorkers: settings.workers,
    testTimeout: 120_000,
    reporters: ['default', new PoslabReporter(), ...(settings.blob ? ['blob'] : [])],
  },
});
