import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { Scenario } from '../scenario/scenario.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/loader.ts';
import { didYouMean } from '../scenario/suggest.ts';
import type { Requirement } from './catalogue.ts';

/** Where `requirements[index]` is written in a scenario file. */
async function position(file: string, index: number): Promise<{ line: number; col: number }> {
  const lines = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { schema: 'failsafe', lineCounter: lines });
  const node = (doc.getIn(['requirements', index], true) ?? doc.get('requirements', true)) as Node | undefined;
  return node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
}

/**
 * Every requirement a scenario claims to verify must be in the catalogue, or its score would
 * silently count for nothing. Throws `ScenarioError` (exit code 2) with file:line and a hint.
 */
export async function checkRequirementRefs(scenarios: readonly Scenario[], catalogue: readonly Requirement[], catalogueFile: string): Promise<void> {
  const known = catalogue.map((r) => r.id);
  const ids = new Set(known);
  const issues: ScenarioIssue[] = [];
  for (const scenario of scenarios) {
    for (const [index, id] of scenario.requirements.entries()) {
      if (ids.has(id)) continue;
      const { line, col } = await position(scenario.file, index);
      const hint = didYouMean(id, known);
      issues.push({
        file: scenario.file,
        line,
        column: col,
        field: `requirements[${index}]`,
        message: `unknown requirement \`${id}\`${hint.startsWith(',') ? hint : ` (not in ${catalogueFile})`}`,
      });
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
}
