import { Command, CommanderError, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { PoslabError } from '../../platform/errors.ts';
import { writeReports } from '../../reports/write.ts';
import { DEFAULT_SEED, runSuite } from '../run.ts';
import { scenarioLine, summaryLine } from './console-output.ts';

/** Exit codes CI can rely on. */
export const EXIT = { passed: 0, failed: 1, invalidInput: 2, infrastructure: 3 } as const;

function seedOption(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('the seed is a whole number, e.g. --seed 42');
  return Number(value);
}

async function run(paths: string[], options: { out: string; seed: number }): Promise<number> {
  const result = await runSuite({
    paths,
    seed: options.seed,
    onScenario: (scenario) => console.log(scenarioLine(scenario)),
  });
  await writeReports(result, options.out);
  console.log(summaryLine(result, options.out));
  return result.summary.failed > 0 ? EXIT.failed : EXIT.passed;
}

/** The `poslab` command. Returns the process exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.passed;
  const program = new Command('poslab')
    .description('POS terminal simulator and conformance harness')
    .exitOverride()
    .showHelpAfterError();
  program
    .command('run')
    .description('run scenario files or folders against an emulated terminal and the embedded acquirer host')
    .argument('<paths...>', 'scenario files (*.yaml) or folders of them')
    .option('-o, --out <dir>', 'where to write index.html, junit.xml and results.json', 'poslab-report')
    .option('-s, --seed <n>', 'seed for every random choice (scenarios may pin their own)', seedOption, DEFAULT_SEED)
    .action(async (paths: string[], options: { out: string; seed: number }) => {
      code = await run(paths, options);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.passed : EXIT.invalidInput;
    }
    if (error instanceof PoslabError && error.side === 'input') {
      console.error(`${pc.red('invalid input')}\n${error.message}`);
      return EXIT.invalidInput;
    }
    console.error(`${pc.red('poslab failed')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.infrastructure;
  }
  return code;
}
