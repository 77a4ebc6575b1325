import { z } from 'zod';
import { messageMatch } from '../../simulator/faults/message-match.ts';
import { duration } from '../../simulator/faults/params.ts';
import { faultUnits } from '../../simulator/faults/registry.ts';
import { expectationSchema } from './expectations.ts';
import { scenarioHeaderSchema } from './scenario.ts';
import { stepSchemas } from './steps.ts';

const SCHEMA_ID = 'https://poslab.dev/schema/scenario.schema.json';

const scheduling = {
  for: duration.optional().describe('heal after this long'),
  after: duration.optional().describe('start this long after the step begins (or after on_message matched)'),
  on_message: messageMatch.optional().describe('start when a message like this enters the link'),
};

/** One fault entry, `{ name: { params…, for, after, on_message } }`, for each registered unit. */
function faultEntry(): z.ZodType {
  const entries = [...faultUnits.values()].map((unit) => {
    const params = (unit.params as unknown as z.ZodObject).extend(scheduling);
    return z.object({ [unit.name]: params.optional().describe(unit.summary) }).strict();
  });
  return z.union(entries as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]).meta({ id: 'fault', title: 'a fault' });
}

/** Each step as written in a `steps:` list: a bare name, or `{ name: args, faults: [...] }`. */
function stepEntry(fault: z.ZodType): z.ZodType {
  const faults = z.union([fault, z.array(fault)]).optional().describe('faults to start just before this step');
  const bare = Object.entries(stepSchemas)
    .filter(([, schema]) => schema.safeParse(null).success)
    .map(([name]) => name);
  const forms = Object.entries(stepSchemas).map(([name, schema]) => {
    const args = name === 'fault' ? fault : (schema as z.ZodType);
    return z.object({ [name]: args, faults }).strict();
  });
  return z.union([z.enum(bare as [string, ...string[]]).describe('a step without arguments'), ...forms]).meta({ id: 'step', title: 'a step' });
}

type Json = unknown;

/**
 * Editors read YAML with the core schema, so `amount: 128.50` reaches them as a number and
 * `bad: true` as a boolean, while poslab reads every scalar as text. Widen string types and
 * text enums so an editor accepts what poslab accepts.
 */
function acceptYamlScalars(node: Json): Json {
  if (Array.isArray(node)) return node.map(acceptYamlScalars);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) out[key] = acceptYamlScalars(value);
  if (out.type === 'string' || out.type === 'integer' || out.type === 'number') {
    // Patterns and lengths still hold for quoted text; a bare number is left to poslab to judge.
    out.type = ['string', 'number', 'boolean'];
  }
  if (Array.isArray(out.enum)) {
    const scalars = (out.enum as Json[]).flatMap((v) => {
      if (v === 'true' || v === 'false') return [v, v === 'true'];
      return typeof v === 'string' && /^\d+$/.test(v) ? [v, Number(v)] : [v];
    });
    out.enum = scalars;
    if (out.type) out.type = [...new Set(scalars.map((v) => typeof v))];
  }
  return out;
}

/** The JSON Schema of a scenario file, from the same zod schemas the loader checks with. */
export function scenarioJsonSchema(): Record<string, Json> {
  const document = scenarioHeaderSchema.extend({
    steps: z.array(stepEntry(faultEntry())).min(1),
    then: z.array(expectationSchema.meta({ id: 'checks', title: 'checks' })).optional(),
  });
  const generated = z.toJSONSchema(document, { io: 'input', unrepresentable: 'any', reused: 'ref' }) as Record<string, Json>;
  return {
    ...(acceptYamlScalars(generated) as Record<string, Json>),
    $id: SCHEMA_ID,
    title: 'poslab scenario',
    description: 'A poslab scenario file: see README.md "Scenario language" and docs/faults.md.',
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
