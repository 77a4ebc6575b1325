import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { faultUnits } from '../../simulator/faults/registry.ts';
import { EXPECTATION_NAMES } from './expectations.ts';
import { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.ts';
import { STEP_NAMES } from './steps.ts';

const committed = readFileSync(new URL('../../schema/scenario.schema.json', import.meta.url), 'utf8');

describe('scenario JSON Schema', () => {
  it('is up to date with the zod schemas (regenerate with `npm run schema`)', () => {
    expect(committed === scenarioJsonSchemaText(), 'schema/scenario.schema.json is stale: run `npm run schema`').toBe(true);
  });

  it('names every step, every check and every fault with its scheduling keys', () => {
    type Node = { $ref?: string; anyOf?: Node[]; properties?: Record<string, unknown> };
    const schema = scenarioJsonSchema() as { $defs: Record<string, Node> };
    const resolve = (node: Node): Node => (node.$ref ? resolve(schema.$defs[node.$ref.replace('#/$defs/', '')]!) : node);
    const namesOf = (def: string) => schema.$defs[def]!.anyOf!.map(resolve).flatMap((form) => Object.keys(form.properties ?? {}));
    expect(namesOf('step')).toEqual(expect.arrayContaining(STEP_NAMES));
    expect(namesOf('fault').sort()).toEqual([...faultUnits.keys()].sort());
    for (const name of EXPECTATION_NAMES) expect(committed).toContain(`"${name}"`);
    expect(committed).toContain('"on_message"');
  });

  it('accepts YAML scalars an editor reads as numbers or booleans', () => {
    const text = scenarioJsonSchemaText();
    expect(text).not.toMatch(/"type": "string"/);
    expect(text).toMatch(/"enum": \[\s*"true",\s*true,\s*"false",\s*false\s*\]/);
  });
});
