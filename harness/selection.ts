import { PoslabError } from '../platform/errors.ts';
import type { Selection } from './run-result.ts';
import type { Scenario } from './scenario/scenario.ts';

/** Compiles `--grep`; a bad pattern is the user's input, so it exits 2 rather than crashing. */
export function grepPattern(grep: string): RegExp {
  try {
    return new RegExp(grep, 'i');
  } catch (error) {
    throw new PoslabError('BAD_GREP', `--grep ${grep}: not a regular expression (${(error as Error).message})`, { side: 'input' });
  }
}

/**
 * The scenarios a run plays: `grep` (case-insensitive) against id, title and file, and at
 * least one of `tags` and of `suites` when they are given.
 */
export function select(scenarios: readonly Scenario[], selection: Selection): Scenario[] {
  const pattern = selection.grep === undefined ? undefined : grepPattern(selection.grep);
  return scenarios.filter(
    (s) =>
      (!pattern || pattern.test(`${s.id} ${s.title} ${s.file}`)) &&
      (selection.tags.length === 0 || s.tags.some((tag) => selection.tags.includes(tag))) &&
      (selection.suites.length === 0 || selection.suites.includes(s.suite)),
  );
}

/** Flags that reproduce a selection on the command line, for the run's one-line command. */
export function selectionFlags(selection: Selection): string[] {
  return [
    ...(selection.grep === undefined ? [] : ['--grep', JSON.stringify(selection.grep)]),
    ...selection.tags.flatMap((tag) => ['--tag', tag]),
    ...selection.suites.flatMap((suite) => ['--suite', suite]),
    ...(selection.shard === undefined ? [] : ['--shard', selection.shard]),
  ];
}
