import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { PoslabError } from '../platform/errors.ts';

const SCENARIO_FILE = /\.ya?ml$/;
const NOT_SCENARIOS = new Set(['requirements.yaml']);

/** Scenario files named by the user: files as given, folders searched recursively, sorted. */
export async function collectScenarioFiles(paths: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new PoslabError('PATH_NOT_FOUND', `${path}: no such file or folder`, { side: 'input' });
    if (info.isFile()) files.push(path);
    else files.push(...(await walk(path)));
  }
  const unique = [...new Set(files.map((file) => displayPath(file, cwd)))].sort();
  if (unique.length === 0) throw new PoslabError('NO_SCENARIOS', `no scenario files (*.yaml) under ${paths.join(', ')}`, { side: 'input' });
  return unique;
}

/** Relative to the working folder when inside it (as replay commands are run from there), else absolute. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const inside = relative(cwd, resolve(cwd, file));
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? resolve(cwd, file) : inside;
}

async function walk(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    // scenarios/pending/ holds scenarios for behaviour not built yet: run them by naming the folder.
    if (entry.isDirectory()) {
      if (entry.name !== 'pending') found.push(...(await walk(path)));
    } else if (SCENARIO_FILE.test(entry.name) && !NOT_SCENARIOS.has(entry.name)) found.push(path);
  }
  return found;
}
