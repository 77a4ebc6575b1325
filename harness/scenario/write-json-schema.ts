import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from './json-schema.ts';

// `npm run schema`: regenerates the committed JSON Schema after a step, check or fault changes.
const target = new URL('../../schema/scenario.schema.json', import.meta.url);
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target.pathname}`);
