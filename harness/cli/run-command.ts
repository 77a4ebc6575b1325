import { Command, InvalidArgumentError } from 'commander';
import { writeReports } from '../../reports/write.ts';
import { DEFAULT_SEED, runSuite } from '../run.ts';
import type { RunResult } from '../run-result.ts';
import { BLOBS, mergeShards, runThroughVitest } from '../vitest/run-through-vitest.ts';
import { summaryLine } from './console-output.ts';
import { githubAnnotations } from './github-annotations.ts';
import { progressFor } from './progress.ts';

/** Exit codes CI can rely on. */
export const EXIT = { passed: 0, failed: 1, invalidInput: 2, infrastructure: 3 } as const;

function seedOption(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('the seed is a whole number, e.g. --seed 42');
  return Number(value);
}

function shardOption(value: string): string {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[1]) > Number(match[2])) throw new InvalidArgumentError('a shard as i/n, e.g. --shard 1/3');
  return value;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function exitCode(run: RunResult): number {
  if (run.summary.broken > 0) return EXIT.infrastructure;
  return run.summary.failed > 0 ? EXIT.failed : EXIT.passed;
}

interface RunFlags {
  out: string;
  seed: number;
  grep?: string;
  tag: string[];
  suite: string[];
  bail?: boolean;
  updateGoldens?: boolean;
  requirements?: string;
  parallel?: boolean;
  shard?: string;
  blobs: string;
}

/** In this process for an ordinary run; through Vitest's pool for `--parallel` or `--shard`. */
async function run(paths: string[], flags: RunFlags): Promise<number> {
  const common = {
    paths,
    seed: flags.seed,
    selection: { tags: flags.tag, suites: flags.suite, ...(flags.grep === undefined ? {} : { grep: flags.grep }) },
    ...(flags.requirements ? { requirements: flags.requirements } : {}),
    bail: flags.bail ?? false,
    updateGoldens: flags.updateGoldens ?? false,
  };
  if (flags.parallel || flags.shard) {
    const result = await runThroughVitest({ ...common, out: flags.out, blobs: flags.blobs, ...(flags.shard ? { shard: flags.shard } : {}) });
    return exitCode(result);
  }
  const progress = progressFor();
  const result = await runSuite({ ...common, onStart: progress.start, onScenario: progress.scenario });
  progress.end();
  await writeReports(result, flags.out);
  if (process.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(result)) console.log(line);
  console.log(summaryLine(result, flags.out));
  return exitCode(result);
}

/** `poslab run`: plays scenarios and writes the reports; `done` receives the exit code. */
export function runCommand(done: (code: number) => void): Command {
  return new Command('run')
    .description('run scenario files or folders against an emulated terminal and the embedded acquirer host')
    .argument('<paths...>', 'scenario files (*.yaml) or folders of them')
    .option('-o, --out <dir>', 'where to write index.html, junit.xml and results.json', 'poslab-report')
    .option('-s, --seed <n>', 'seed for every random choice (scenarios may pin their own)', seedOption, DEFAULT_SEED)
    .option('-g, --grep <regex>', 'only scenarios whose id, title or file matches (case-insensitive)')
    .option('-t, --tag <tag>', 'only scenarios with this tag (repeatable: any of them)', collect, [])
    .option('--suite <suite>', 'only scenarios of this suite (repeatable: any of them)', collect, [])
    .option('--bail', 'stop at the first scenario that does not pass')
    .option('--update-goldens', 'write receipt golden images from this run instead of comparing')
    .option('--requirements <file>', 'requirement catalogue to score against (default: the nearest requirements.yaml)')
    .option('-p, --parallel', "play scenarios on every core, in Vitest's worker pool")
    .option('--shard <i/n>', 'play only shard i of n (through Vitest; merge the shards with `poslab merge`)', shardOption)
    .option('--blobs <dir>', "where a shard writes its Vitest blob report", BLOBS)
    .action(async (paths: string[], flags: RunFlags) => done(await run(paths, flags)));
}

/** `poslab merge`: one report from the blob reports of sharded runs. */
export function mergeCommand(done: (code: number) => void): Command {
  return new Command('merge')
    .description('merge the Vitest blob reports of `poslab run --shard` runs into one report')
    .argument('[blobs]', 'folder of blob reports', BLOBS)
    .option('-o, --out <dir>', 'where to write index.html, junit.xml and results.json', 'poslab-report')
    .option('-s, --seed <n>', 'the seed the shards ran with', seedOption, DEFAULT_SEED)
    .option('--requirements <file>', 'requirement catalogue to score against (default: scenarios/requirements.yaml)')
    .action(async (blobs: string, flags: { out: string; seed: number; requirements?: string }) => {
      const result = await mergeShards(blobs, {
        out: flags.out,
        seed: flags.seed,
        paths: ['scenarios'],
        ...(flags.requirements ? { requirements: flags.requirements } : {}),
      });
      done(exitCode(result));
    });
}
