import type { Plugin } from 'vite';
import { displayPath } from '../collect.ts';

const SCENARIO_TEST = new URL('./scenario-test.ts', import.meta.url).pathname;

/**
 * Makes each scenario file a Vitest test file: the YAML is served to Vitest as a two-line
 * module that registers one test playing that scenario. Vitest's own file-level sharding,
 * parallel workers, bail and merged blob reports then apply to scenarios unchanged.
 */
export function scenarioFilesPlugin(root: string): Plugin {
  return {
    name: 'poslab-scenario-files',
    enforce: 'pre',
    transform(_code, id) {
      const file = id.split('?')[0]!;
      if (!/\.ya?ml$/.test(file)) return null;
      const code = `import { scenarioTest } from ${JSON.stringify(SCENARIO_TEST)};\nscenarioTest(${JSON.stringify(displayPath(file, root))});\n`;
      return { code, map: null };
    },
  };
}
