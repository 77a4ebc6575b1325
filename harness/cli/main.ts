import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { PoslabError } from '../../platform/errors.ts';
import { EXIT, mergeCommand, runCommand } from './run-command.ts';
import { sandboxCommand } from './sandbox-command.ts';
import { hostCommand } from './host-command.ts';
import { printRenderCommand } from './print-render-command.ts';

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
  program.addCommand(hostCommand());
  program.addCommand(printRenderCommand());
  // Commands built on their own do not inherit the program's settings; without this a bad
  // argument would exit the process instead of returning exit code 2 (keep it after every addCommand).
  for (const command of program.commands) command.copyInheritedSettings(program);

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
