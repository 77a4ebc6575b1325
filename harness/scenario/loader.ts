import { readFile } from 'node:fs/promises';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { PoslabError } from '../../platform/errors.ts';
import { messageMatch, type MessageMatch } from '../../simulator/faults/message-match.ts';
import { faultUnits } from '../../simulator/faults/registry.ts';
import { duration } from './values.ts';
import { expectationSchema } from './expectations.ts';
import { scenarioHeaderSchema, type LocatedExpectation, type Scenario } from './scenario.ts';
import { keysAt } from './schema-keys.ts';
import { placeIssues } from './zod-issues.ts';
import { STEP_NAMES, stepSchemas, type FaultRequest, type Step, type StepName } from './steps.ts';
import { didYouMean } from './suggest.ts';

export interface ScenarioIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly field: string;
  readonly message: string;
}

/** A scenario file that cannot run; every problem found, each with file:line:column. */
export class ScenarioError extends PoslabError {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super('SCENARIO_INVALID', issues.map(formatIssue).join('\n'), { side: 'input' });
  }
}

export function formatIssue(issue: ScenarioIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}`;
}

type Path = readonly (string | number)[];

function fieldName(path: Path): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

class IssueCollector {
  readonly issues: ScenarioIssue[] = [];

  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Points at the deepest node on the path that exists; `atKey` points at a map key instead of its value. */
  add(path: Path, message: string, atKey = false): void {
    const { line, col } = this.lines.linePos(this.offset(path, atKey));
    this.issues.push({ file: this.file, line, column: col, field: fieldName(path), message });
  }

  /**
   * Reports a schema's complaints at their places. Unknown keys get the closest known key of
   * `schema` at that place as a hint; at the top of `schema` they are called `noun`s (an
   * unknown check, an unknown field) and `alsoKnown` keys count as known there.
   */
  addZod(base: Path, error: z.ZodError, schema: z.ZodType, noun = 'field', alsoKnown: readonly string[] = []): void {
    for (const issue of placeIssues(error.issues)) {
      if (!('unknownKey' in issue)) {
        this.add([...base, ...issue.path], issue.message);
        continue;
      }
      const atTop = issue.path.length === 0;
      const known = [...keysAt(schema, issue.path), ...(atTop ? alsoKnown : [])];
      const key = issue.unknownKey;
      // `{ amount: 12,50 }` splits at the comma into `amount: 12` and a field named `50`.
      const hint = /^\d+$/.test(key)
        ? ': a comma ends a field inside { … }, so write amounts with a point (12.50) and quote text with commas'
        : didYouMean(key, known);
      this.add([...base, ...issue.path, key], `unknown ${atTop ? noun : 'field'} \`${key}\`${hint}`, true);
    }
  }

  line(path: Path): number {
    return this.lines.linePos(this.offset(path, false)).line;
  }

  private offset(path: Path, atKey: boolean): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const parentPath = path.slice(0, depth - 1);
      const last = path[depth - 1];
      if (atKey && depth === path.length && last !== undefined) {
        const parent = this.doc.getIn(parentPath, true);
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
          const range = (pair?.key as Node | undefined)?.range;
          if (range) return range[0];
        }
      }
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true);
      const range = (node as Node | null | undefined)?.range;
      if (range) return range[0];
    }
    return 0;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseFaults(raw: unknown, path: Path, issues: IssueCollector): FaultRequest[] {
  const entries = Array.isArray(raw) ? raw : [raw];
  const faults: FaultRequest[] = [];
  entries.forEach((entry, i) => {
    const at = Array.isArray(raw) ? [...path, i] : path;
    if (!isRecord(entry) || Object.keys(entry).length !== 1) {
      issues.add(at, 'a fault is written as { name: { params } }');
      return;
    }
    const [name, value] = Object.entries(entry)[0]!;
    const unit = faultUnits.get(name);
    if (!unit) {
      issues.add([...at, name], `unknown fault \`${name}\`${didYouMean(name, [...faultUnits.keys()])}`, true);
      return;
    }
    const { for: forText, after: afterText, on_message: onMessage, ...params } = isRecord(value) ? value : {};
    const forMs = parseDuration(forText, [...at, name, 'for'], issues);
    const afterMs = parseDuration(afterText, [...at, name, 'after'], issues);
    let trigger: MessageMatch | undefined;
    if (onMessage !== undefined) {
      const parsed = messageMatch.safeParse(onMessage);
      if (parsed.success) trigger = parsed.data;
      else issues.addZod([...at, name, 'on_message'], parsed.error, messageMatch);
    }
    const checked = unit.params.safeParse(params);
    if (!checked.success) {
      issues.addZod([...at, name], checked.error, unit.params, 'parameter', SCHEDULING);
      return;
    }
    faults.push({
      name,
      params: checked.data,
      line: issues.line([...at, name]),
      ...(forMs === undefined ? {} : { forMs }),
      ...(afterMs === undefined ? {} : { afterMs }),
      ...(trigger === undefined ? {} : { onMessage: trigger }),
    });
  });
  return faults;
}

/** Keys every fault takes beside its own parameters: when it starts and how long it lasts. */
const SCHEDULING = ['for', 'after', 'on_message'];

function parseDuration(text: unknown, path: Path, issues: IssueCollector): number | undefined {
  if (text === undefined) return undefined;
  const parsed = duration.safeParse(text);
  if (parsed.success) return parsed.data;
  issues.add(path, parsed.error.issues[0]!.message);
  return undefined;
}

function parseStep(raw: unknown, index: number, issues: IssueCollector): Step | undefined {
  const path = ['steps', index];
  const entry = typeof raw === 'string' ? { [raw]: null } : raw;
  if (!isRecord(entry)) {
    issues.add(path, 'a step is a step name, or { step_name: arguments }');
    return undefined;
  }
  const names = Object.keys(entry).filter((key) => key !== 'faults');
  if (names.length !== 1) {
    issues.add(path, names.length === 0 ? 'a step needs a step name' : `one step per list item, found ${names.join(', ')}`);
    return undefined;
  }
  const name = names[0]!;
  if (!(name in stepSchemas)) {
    const at = typeof raw === 'string' ? path : [...path, name];
    issues.add(at, `unknown step \`${name}\`${didYouMean(name, STEP_NAMES)}`, typeof raw !== 'string');
    return undefined;
  }
  const schema = stepSchemas[name as StepName];
  const value = entry[name] === '' ? null : entry[name];
  const parsed = (schema as z.ZodType).safeParse(value);
  const faults = entry.faults === undefined ? [] : parseFaults(entry.faults, [...path, 'faults'], issues);
  if (name === 'fault' && parsed.success) faults.push(...parseFaults(value, [...path, 'fault'], issues));
  if (!parsed.success) {
    issues.addZod([...path, name], parsed.error, schema as z.ZodType, name === 'expect' ? 'check' : 'field');
    return undefined;
  }
  return { name, args: parsed.data, line: issues.line(path), faults } as Step;
}

/** Parses and validates one scenario text; throws `ScenarioError` naming every problem. */
export function parseScenario(text: string, file: string): Scenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: true });
  const issues = new IssueCollector(file, doc, lines);
  for (const error of doc.errors) {
    const { line, col } = lines.linePos(error.pos[0]);
    issues.issues.push({ file, line, column: col, field: '', message: error.message.split('\n')[0]! });
  }
  if (issues.issues.length > 0) throw new ScenarioError(issues.issues);

  const header = scenarioHeaderSchema.safeParse(doc.toJS());
  if (!header.success) {
    issues.addZod([], header.error, scenarioHeaderSchema);
    throw new ScenarioError(issues.issues);
  }
  const steps = header.data.steps.map((raw, i) => parseStep(raw, i, issues));
  const then = header.data.then.map((raw, i): LocatedExpectation | undefined => {
    const parsed = expectationSchema.safeParse(raw);
    if (parsed.success) return { expectation: parsed.data, line: issues.line(['then', i]) };
    issues.addZod(['then', i], parsed.error, expectationSchema, 'check');
    return undefined;
  });
  const cardIds = new Set(header.data.cards.map((card) => card.id));
  steps.forEach((step, i) => {
    const card = step && (step.name === 'sale' || step.name === 'swipe' || step.name === 'insert') ? step.args.card : undefined;
    if (card !== undefined && !cardIds.has(card)) {
      issues.add(['steps', i, step!.name], `unknown card \`${card}\`${didYouMean(card, [...cardIds])}`);
    }
  });
  if (issues.issues.length > 0) throw new ScenarioError(issues.issues);
  return { ...header.data, file, steps: steps as Step[], then: then as LocatedExpectation[] };
}

export async function loadScenario(file: string): Promise<Scenario> {
  return parseScenario(await readFile(file, 'utf8'), file);
}
