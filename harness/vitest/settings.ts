import { availableParallelism } from 'node:os';
import { DEFAULT_SEED } from '../run.ts';

/**
 * How a Vitest run of scenarios is told what to do: environment variables, because the same
 * config serves `poslab run --parallel/--shard` (which sets them) and a plain
 * `npx vitest --config harness/vitest/vitest.scenarios.config.ts` (which may set none).
 */
export interface VitestSettings {
  /** Scenario files or folders; `POSLAB_PATHS`, space-separated, default `scenarios`. */
  readonly paths: readonly string[];
  /** Exactly these files, already selected by the CLI (`POSLAB_FILES`, newline-separated). */
  readonly files?: readonly string[];
  readonly seed: number;
  readonly out: string;
  readonly requirements?: string;
  readonly updateGoldens: boolean;
  /** `--grep/--tag/--suite` as the CLI applied them, for the report's command line (`POSLAB_SELECTION`, JSON). */
  readonly selection?: string;
  readonly workers: number;
  /** Also write Vitest's blob report, for `--merge-reports` after sharded runs (`POSLAB_BLOB=1`). */
  readonly blob: boolean;
}

export const SETTINGS_ENV = {
  paths: 'POSLAB_PATHS',
  files: 'POSLAB_FILES',
  seed: 'POSLAB_SEED',
  out: 'POSLAB_OUT',
  requirements: 'POSLAB_REQUIREMENTS',
  updateGoldens: 'POSLAB_UPDATE_GOLDENS',
  selection: 'POSLAB_SELECTION',
  workers: 'POSLAB_WORKERS',
  blob: 'POSLAB_BLOB',
} as const;

export function readSettings(env: NodeJS.ProcessEnv = process.env): VitestSettings {
  const files = env[SETTINGS_ENV.files]?.split('\n').filter(Boolean);
  const requirements = env[SETTINGS_ENV.requirements];
  const selection = env[SETTINGS_ENV.selection];
  return {
    paths: (env[SETTINGS_ENV.paths] ?? 'scenarios').split(' ').filter(Boolean),
    ...(files ? { files } : {}),
    seed: Number(env[SETTINGS_ENV.seed] ?? DEFAULT_SEED),
    out: env[SETTINGS_ENV.out] ?? 'poslab-report',
    ...(requirements ? { requirements } : {}),
    updateGoldens: env[SETTINGS_ENV.updateGoldens] === '1',
    ...(selection ? { selection } : {}),
    workers: Number(env[SETTINGS_ENV.workers] ?? availableParallelism()),
    blob: env[SETTINGS_ENV.blob] === '1',
  };
}

export function settingsEnv(settings: VitestSettings): Record<string, string> {
  return {
    [SETTINGS_ENV.paths]: settings.paths.join(' '),
    ...(settings.files ? { [SETTINGS_ENV.files]: settings.files.join('\n') } : {}),
    [SETTINGS_ENV.seed]: String(settings.seed),
    [SETTINGS_ENV.out]: settings.out,
    ...(settings.requirements ? { [SETTINGS_ENV.requirements]: settings.requirements } : {}),
    [SETTINGS_ENV.updateGoldens]: settings.updateGoldens ? '1' : '0',
    ...(settings.selection ? { [SETTINGS_ENV.selection]: settings.selection } : {}),
    [SETTINGS_ENV.workers]: String(settings.workers),
    [SETTINGS_ENV.blob]: settings.blob ? '1' : '0',
  };
}
