import { configDefaults, defineConfig } from 'vitest/config';
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
const folderGlob = (path: string) => (/\.ya?ml$/.test(path) ? path : `${path.replace(/\/$/, '')}/**/*.{yaml,yml}`);

export default defineConfig({
  root,
  plugins: [scenarioFilesPlugin(root)],
  test: {
    include: settings.files ? [...settings.files] : settings.paths.map(folderGlob),
    exclude: [...configDefaults.exclude, '**/requirements.yaml'],
    // Worlds share nothing, so one module graph per worker saves re-importing poslab per scenario.
    isolate: false,
    maxWorkers: settings.workers,
    testTimeout: 120_000,
    reporters: ['default', new PoslabReporter(), ...(settings.blob ? ['blob'] : [])],
  },
});
