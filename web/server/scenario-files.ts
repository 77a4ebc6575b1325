import { resolve } from 'node:path';
import { collectScenarioFiles } from '../../harness/collect.ts';
import { loadScenario, ScenarioError } from '../../harness/scenario/loader.ts';
import type { Scenario } from '../../harness/scenario/scenario.ts';
import type { ScenarioInfo } from '../shared/sandbox-api.ts';
import { SandboxInputError } from './sandbox-input-error.ts';

/**
 * The scenarios a trainer may play: the files under one folder, named relative to it. Only a
 * name from this list is ever opened, so the page cannot reach other files.
 */
export class ScenarioShelf {
  readonly folder: string;

  constructor(folder: string) {
    this.folder = resolve(folder);
  }

  private async files(): Promise<string[]> {
    try {
      return await collectScenarioFiles([this.folder], this.folder);
    } catch {
      return [];
    }
  }

  /** Every file that loads; a broken file is left off the list rather than breaking it. */
  async list(): Promise<ScenarioInfo[]> {
    const found: ScenarioInfo[] = [];
    for (const file of await this.files()) {
      try {
        const scenario = await loadScenario(resolve(this.folder, file));
        found.push({ file, id: scenario.id, title: scenario.title, suite: scenario.suite });
      } catch {
        continue;
      }
    }
    return found;
  }

  async load(file: string): Promise<Scenario> {
    if (!(await this.files()).includes(file)) throw new SandboxInputError(`no scenario \`${file}\` in ${this.folder}`);
    try {
      return await loadScenario(resolve(this.folder, file));
    } catch (error) {
      if (error instanceof ScenarioError) throw new SandboxInputError(`${file} cannot be played:\n${error.message}`);
      throw error;
    }
  }
}
