import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PoslabError } from '../../platform/errors.ts';
import type { RunResult } from '../run-result.ts';
import { planRun, type PlanOptions } from '../run-plan.ts';
import { settingsEnv, type VitestSettings } from './settings.ts';

const CONFIG = fileURLToPath(new URL('./vitest.scenarios.config.ts', import.meta.url));
export const BLOBS = '.vitest-reports';
const VITEST_BIN = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

export interface VitestRunOptions extends PlanOptions {
  readonly seed: number;
  readonly out: string;
  readonly bail?: boolean;
  readonly updateGoldens?: boolean;
  /** `i/n`: play only this shard's files and write a blob report for `poslab merge`. */
  readonly shard?: string;
  /** Where a shard's blob report goes: `<blobs>/blob-i-n.json`; `.vitest-reports` as Vitest's own default. */
  readonly blobs?: string;
  readonly workers?: number;
  /** Hide Vitest's own output (benchmarks); failures still show in the reports. */
  readonly quiet?: boolean;
}

function vitest(args: readonly string[], env: Record<string, string>, quiet = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST_BIN, ...args], { stdio: quiet ? 'ignore' : 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** The run Vitest's poslab reporter wrote; its absence means Vitest or poslab itself failed. */
async function writtenRun(out: string, exitCode: number): Promise<RunResult> {
  try {
    return JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResult;
  } catch (cause) {
    throw new PoslabError('VITEST_FAILED', `vitest exited with ${exitCode} and wrote no ${join(out, 'results.json')}`, { cause });
  }
}

/**
 * Plays scenarios in Vitest's worker pool — on every core, or one shard of many machines.
 * The plan is checked here first, so bad input still exits 2 before any worker starts.
 */
export async function runThroughVitest(options: VitestRunOptions): Promise<RunResult> {
  const plan = await planRun(options);
  const settings: VitestSettings = {
    paths: options.paths,
    files: plan.scenarios.map((s) => s.file),
    seed: options.seed,
    out: options.out,
    ...(plan.catalogue ? { requirements: plan.catalogue.file } : {}),
    updateGoldens: options.updateGoldens ?? false,
    selection: JSON.stringify({ ...plan.selection }),
    workers: options.workers ?? availableParallelism(),
    blob: options.shard !== undefined,
  };
  const shard = options.shard ? ['--shard', options.shard, `--outputFile.blob=${join(options.blobs ?? BLOBS, `blob-${options.shard.replace('/', '-')}.json`)}`] : [];
  const args = ['run', '--config', CONFIG, ...shard, ...(options.bail ? ['--bail', '1'] : [])];
  const code = await vitest(args, settingsEnv(settings), options.quiet);
  return writtenRun(options.out, code);
}

/** Merges the blob reports of sharded runs (`.vitest-reports/` by default) into one poslab report. */
export async function mergeShards(
  blobs: string,
  options: { out: string; seed: number; paths: readonly string[]; requirements?: string },
): Promise<RunResult> {
  const env = settingsEnv({
    paths: options.paths,
    seed: options.seed,
    out: options.out,
    ...(options.requirements ? { requirements: options.requirements } : {}),
    updateGoldens: false,
    workers: 1,
    blob: false,
  });
  const code = await vitest(['--merge-reports', blobs, '--config', CONFIG], env);
  return writtenRun(options.out, code);
}
