import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../run-result.ts';
import { ScenarioError } from '../scenario/loader.ts';
import { parseScenario } from '../scenario/loader.ts';
import { findCatalogue, loadCatalogue, parseCatalogue } from './catalogue.ts';
import { checkRequirementRefs } from './requirement-refs.ts';

function issuesOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  return [];
}

const one = (body: string) => `requirements:\n  - id: TXN-ONE\n    category: transactions\n    weight: 2\n    source: UP\n    text: The terminal does one thing right.\n${body}`;

describe('the shipped requirement catalogue', () => {
  it('is valid, names every category, and every id is unique', async () => {
    const catalogue = await loadCatalogue('scenarios/requirements.yaml');
    expect(new Set(catalogue.map((r) => r.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(catalogue.map((r) => r.id)).size).toBe(catalogue.length);
    expect(catalogue.length).toBeGreaterThanOrEqual(60);
    expect(catalogue.filter((r) => r.category === 'performance').every((r) => r.budget)).toBe(true);
  });

  it('is what a run finds beside the scenarios', () => {
    expect(findCatalogue(['scenarios/transactions'])).toBe('scenarios/requirements.yaml');
    expect(findCatalogue(['scenarios/transactions/chip-sale-approved.yaml'])).toBe('scenarios/requirements.yaml');
  });
});

describe('catalogue errors', () => {
  it('parses sources as lists and budgets into limits', () => {
    const [r] = parseCatalogue(one('  - id: PRF-X\n    category: performance\n    weight: 1\n    source: [SEED, ISO]\n    text: Sales are quick enough.\n    budget: { metric: txn.sale, stat: p95, max: 3s }\n'), 'c.yaml').slice(1);
    expect(r).toMatchObject({ id: 'PRF-X', source: ['SEED', 'ISO'], budget: { metric: 'txn.sale', stat: 'p95', limit: 3000 }, line: 7 });
  });

  it('names file, line and column for a bad category, weight and source', () => {
    const text = 'requirements:\n  - id: TXN-ONE\n    category: transaction\n    weight: heavy\n    source: VISA\n    text: The terminal does one thing right.\n';
    const issues = issuesOf(() => parseCatalogue(text, 'req.yaml'));
    expect(issues).toEqual([
      expect.stringMatching(/^req\.yaml:3:15: requirements\[0\]\.category: a category: transactions, reversal/),
      'req.yaml:4:13: requirements[0].weight: a positive number such as 2',
      expect.stringMatching(/^req\.yaml:5:13: requirements\[0\]\.source: /),
    ]);
  });

  it('suggests the field meant', () => {
    expect(issuesOf(() => parseCatalogue(one('').replace('source: UP', 'sorce: UP'), 'req.yaml'))).toEqual([
      'req.yaml:2:5: requirements[0].source: a source or a list of them: UP, ISO, EMV, PCI, ESC, SEED',
      'req.yaml:5:5: requirements[0].sorce: unknown field `sorce`, did you mean `source`?',
    ]);
  });

  it('refuses duplicate ids and budgets outside performance', () => {
    const text = one('  - id: TXN-ONE\n    category: transactions\n    weight: 1\n    source: UP\n    text: The same id a second time.\n    budget: { metric: txn.sale, stat: max, max: 1s }\n');
    expect(issuesOf(() => parseCatalogue(text, 'req.yaml'))).toEqual([
      'req.yaml:7:9: requirements[1].id: duplicate id `TXN-ONE` (first at line 2)',
      'req.yaml:12:13: requirements[1].budget: only performance requirements have a budget',
    ]);
  });
});

describe('requirement references in scenarios', () => {
  it('exits 2 naming the scenario line and the id meant', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'poslab-req-'));
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'x.yaml');
    const text = 'id: X-1\ntitle: refs\nrequirements:\n  - TXN-ONE\n  - TXN-ONF\n  - ZZZ-NOTHING-LIKE-IT\nsteps:\n  - power_on\n';
    await writeFile(file, text);
    const catalogue = parseCatalogue(one(''), 'req.yaml');
    const error = await checkRequirementRefs([parseScenario(text, file)], catalogue, 'req.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message.split('\n')).toEqual([
      `${file}:5:5: requirements[1]: unknown requirement \`TXN-ONF\`, did you mean \`TXN-ONE\`?`,
      `${file}:6:5: requirements[2]: unknown requirement \`ZZZ-NOTHING-LIKE-IT\` (not in req.yaml)`,
    ]);
  });
});
