import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from '../collect.ts';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { CATEGORIES, SOURCES, type Budget, type Category, type Source } from '../run-result.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/loader.ts';
import { duration } from '../scenario/values.ts';
import { didYouMean } from '../scenario/suggest.ts';

export const CATALOGUE_FILE = 'requirements.yaml';

/** One requirement as the catalogue states it. */
export interface Requirement {
  readonly id: string;
  readonly text: string;
  readonly category: Category;
  readonly weight: number;
  readonly source: readonly Source[];
  readonly budget?: Budget;
  readonly line: number;
}

const ratio = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'a share from 0 to 1, such as 0.95')
  .transform(Number);

const budgetSchema = z.discriminatedUnion('stat', [
  z.object({ metric: z.string().min(1), stat: z.enum(['p50', 'p95', 'max']), max: duration }).strict(),
  z.object({ metric: z.string().min(1), stat: z.literal('ok_rate'), min: ratio }).strict(),
]);

const source = z.enum(SOURCES, { error: `a source: ${SOURCES.join(', ')}` });

const requirementSchema = z
  .object({
    id: z.string().regex(/^[A-Z]{2,4}(-[A-Z0-9]+)+$/, 'an id such as TXN-SALE: capitals, digits and dashes'),
    text: z.string().min(10, 'say what must hold, in a sentence'),
    category: z.enum(CATEGORIES, { error: `a category: ${CATEGORIES.join(', ')}` }),
    weight: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'a positive number such as 2')
      .transform(Number)
      .refine((w) => w > 0, 'a weight above 0'),
    source: z.union([source.transform((s) => [s]), z.array(source).min(1)], { error: `a source or a list of them: ${SOURCES.join(', ')}` }),
    budget: budgetSchema.optional(),
  })
  .strict();

const catalogueSchema = z.object({ requirements: z.array(z.unknown()).min(1, 'the catalogue lists at least one requirement') }).strict();

type Path = readonly (string | number)[];

/** Where the deepest existing node on the path starts; `atKey` points at the last part's key instead of its value. */
function locate(doc: Document, lines: LineCounter, path: Path, atKey = false): { line: number; col: number } {
  const parent = atKey ? doc.getIn(path.slice(0, -1), true) : undefined;
  if (isMap(parent)) {
    const key = parent.items.find((pair) => isScalar(pair.key) && pair.key.value === path.at(-1))?.key as Node | undefined;
    if (key?.range) return lines.linePos(key.range[0]);
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as Node | null | undefined)?.range;
    if (range) return lines.linePos(range[0]);
  }
  return { line: 1, col: 1 };
}

/** Parses and validates a catalogue; throws `ScenarioError` (exit code 2) naming every problem by file:line:column. */
export function parseCatalogue(text: string, file: string): Requirement[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: true });
  const issues: ScenarioIssue[] = [];
  const add = (path: Path, message: string, atKey = false) => {
    const { line, col } = locate(doc, lines, path, atKey);
    const fieldName = path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
    issues.push({ file, line, column: col, field: fieldName, message });
  };
  for (const error of doc.errors) add([], error.message.split('\n')[0]!);
  if (issues.length > 0) throw new ScenarioError(issues);

  const top = catalogueSchema.safeParse(doc.toJS());
  if (!top.success) {
    for (const issue of top.error.issues) add(issue.path as (string | number)[], issue.message);
    throw new ScenarioError(issues);
  }
  const requirements: Requirement[] = [];
  const seen = new Map<string, number>();
  top.data.requirements.forEach((raw, i) => {
    const parsed = requirementSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        if (keys.length > 0) keys.forEach((key) => add(['requirements', i, key], `unknown field \`${key}\`${didYouMean(key, Object.keys(requirementSchema.shape))}`, true));
        else add(['requirements', i, ...(issue.path as (string | number)[])], issue.message);
      }
      return;
    }
    const { budget, ...rest } = parsed.data;
    const line = locate(doc, lines, ['requirements', i]).line;
    const earlier = seen.get(rest.id);
    if (earlier !== undefined) add(['requirements', i, 'id'], `duplicate id \`${rest.id}\` (first at line ${earlier})`);
    seen.set(rest.id, line);
    if (budget && rest.category !== 'performance') add(['requirements', i, 'budget'], 'only performance requirements have a budget');
    requirements.push({
      ...rest,
      line,
      ...(budget ? { budget: { metric: budget.metric, stat: budget.stat, limit: 'max' in budget ? budget.max : budget.min } } : {}),
    });
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  return requirements;
}

export async function loadCatalogue(file: string): Promise<Requirement[]> {
  return parseCatalogue(await readFile(file, 'utf8'), file);
}

/**
 * The catalogue that governs some scenario paths: the nearest `requirements.yaml` in the first
 * path's folder or above it, else `scenarios/requirements.yaml` under the working folder.
 */
export function findCatalogue(paths: readonly string[], cwd = process.cwd()): string | undefined {
  const first = paths[0];
  if (first !== undefined) {
    let folder = resolve(cwd, first);
    if (/\.ya?ml$/.test(folder)) folder = dirname(folder);
    for (;;) {
      const candidate = join(folder, CATALOGUE_FILE);
      if (existsSync(candidate)) return displayPath(candidate, cwd);
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
  }
  const fallback = join(cwd, 'scenarios', CATALOGUE_FILE);
  return existsSync(fallback) ? displayPath(fallback, cwd) : undefined;
}
