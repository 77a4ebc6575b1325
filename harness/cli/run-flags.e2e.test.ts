import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunResult } from '../run-result.ts';
import { main } from './main.ts';

let out: string;
let printed: string[];

beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'poslab-flags-'));
  printed = [];
  const capture = (...args: unknown[]) => void printed.push(stripVTControlCharacters(args.join(' ')));
  vi.spyOn(console, 'log').mockImplementation(capture);
  vi.spyOn(console, 'error').mockImplementation(capture);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const results = async () => JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResult;
const ids = (run: RunResult) => run.scenarios.map((s) => s.id);

/** A folder with a catalogue, one passing and one failing copy of the shipped chip sale. */
async function folderWithFailure(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'poslab-scn-'));
  const original = await readFile('scenarios/transactions/chip-sale-approved.yaml', 'utf8');
  await writeFile(join(folder, 'requirements.yaml'), await readFile('scenarios/requirements.yaml', 'utf8'));
  await writeFile(join(folder, 'a-wrong.yaml'), original.replace('id: TXN-001', 'id: A-WRONG').replace('equals: 4871.50', 'equals: 4871.00'));
  await writeFile(join(folder, 'b-right.yaml'), original.replace('id: TXN-001', 'id: B-RIGHT'));
  return folder;
}

describe('poslab run: choosing scenarios', () => {
  it('--grep matches id, title or file, case-insensitively, and the command line keeps it', async () => {
    expect(await main(['run', 'scenarios/transactions', '--out', out, '--grep', 'txn-00[12]'])).toBe(0);
    const run = await results();
    expect(ids(run)).toEqual(['TXN-001', 'TXN-002']);
    expect(run.selection.grep).toBe('txn-00[12]');
    expect(run.command).toContain('--grep "txn-00[12]"');
  });

  it('--tag and --suite keep scenarios that have any of the values given', async () => {
    expect(await main(['run', 'scenarios', '--out', out, '--suite', 'operator', '--suite', 'network'])).toBe(0);
    expect((await results()).scenarios.every((s) => s.suite === 'operator' || s.suite === 'network')).toBe(true);
    expect(await main(['run', 'scenarios', '--out', out, '--tag', 'smoke'])).toBe(0);
    expect((await results()).scenarios.every((s) => s.tags.includes('smoke'))).toBe(true);
  });

  it('exits 2 when nothing matches, or the pattern is not a regular expression', async () => {
    expect(await main(['run', 'scenarios', '--out', out, '--grep', 'no-such-scenario'])).toBe(2);
    expect(printed.join('\n')).toContain('matches the --grep/--tag/--suite given');
    expect(await main(['run', 'scenarios', '--out', out, '--grep', '(unclosed'])).toBe(2);
    expect(printed.join('\n')).toContain('--grep (unclosed: not a regular expression');
    expect(await main(['run', 'scenarios', '--out', out, '--shard', '3/2'])).toBe(2);
  });
});

describe('poslab run: failures', () => {
  it('--bail stops at the first scenario that does not pass and counts the rest as not run', async () => {
    const folder = await folderWithFailure();
    expect(await main(['run', folder, '--out', out, '--bail'])).toBe(1);
    const run = await results();
    expect(ids(run)).toEqual(['A-WRONG']);
    expect(run.summary).toMatchObject({ total: 1, failed: 1, notRun: 1 });
    expect(printed.join('\n')).toContain('1 not run (--bail)');
  });

  it('prints GitHub annotations at the failing line when running in GitHub Actions', async () => {
    vi.stubEnv('GITHUB_ACTIONS', 'true');
    const folder = await folderWithFailure();
    expect(await main(['run', folder, '--out', out])).toBe(1);
    const annotation = printed.find((line) => line.startsWith('::error '));
    expect(annotation).toBe(
      `::error file=${join(folder, 'a-wrong.yaml')},line=20,title=A-WRONG failed::card.balance: expected debit-ok balance 4871.00%0Aactual debit-ok balance 4871.50%0Areplay: npx poslab run ${join(folder, 'a-wrong.yaml')} --seed 1`,
    );
  });

  it('scores the run against the catalogue beside the scenarios', async () => {
    const folder = await folderWithFailure();
    await main(['run', folder, '--out', out]);
    const { conformance } = await results();
    expect(conformance?.catalogue).toBe(join(folder, 'requirements.yaml'));
    expect(conformance?.requirements.find((r) => r.id === 'TXN-SALE')).toMatchObject({ status: 'failed', scenarios: ['A-WRONG', 'B-RIGHT'] });
    expect(conformance?.requirements.find((r) => r.id === 'REV-TIMEOUT-98')).toMatchObject({ status: 'not-covered' });
  });

  it('exits 2 for a requirement the catalogue does not know, with the line and the id meant', async () => {
    const folder = await folderWithFailure();
    const text = await readFile(join(folder, 'b-right.yaml'), 'utf8');
    await writeFile(join(folder, 'b-right.yaml'), text.replace('TXN-RECEIPT-COPIES', 'TXN-RECIEPT-COPIES'));
    expect(await main(['run', folder, '--out', out])).toBe(2);
    expect(printed.join('\n')).toContain(
      `${join(folder, 'b-right.yaml')}:5:26: requirements[1]: unknown requirement \`TXN-RECIEPT-COPIES\`, did you mean \`TXN-RECEIPT-COPIES\`?`,
    );
  });
});
