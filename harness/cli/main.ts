import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { PoslabError } from '../../platform/errors.ts';
import { EXIT, mergeCommand, runCommand } from './run-command.ts';
import { sandboxCommand } from './sandbox-command.ts';

export { EXIT } from './run-command.ts';

/** The `poslab` command. Returns the process exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.passed;
  const program = new Command('poslab')
    .description('POS terminal simulator and conformance harness')
    .exitOverride()
    .showHelpAfterError();
  const setCode = (exit: number) => (code = exit);
  program.addCommand(runCommand(setCode));
  program.addCommand(mergeCommand(setCode));
  program.addCommand(sandboxCommand());

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
