import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunResult } from '../run-result.ts';
import { main } from './main.ts';

/** Blanks the values of the fields that hold real time: every other byte must repeat for a seed. */
function withoutWallClock(json: string): string {
  return json.replace(/^(\s*"wall\w*": ).*?(,?)$/gm, '$1null$2');
}

let out: string;
let printed: string[];

beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'poslab-cli-'));
  printed = [];
  // Colours are on under CI=true; the assertions are about the words.
  const capture = (...args: unknown[]) => void printed.push(stripVTControlCharacters(args.join(' ')));
  vi.spyOn(console, 'log').mockImplementation(capture);
  vi.spyOn(console, 'error').mockImplementation(capture);
});

afterEach(() => vi.restoreAllMocks());

describe('poslab run', () => {
  it('runs the shipped scenarios, exits 0 and writes the three reports', async () => {
    expect(await main(['run', 'scenarios', '--out', out, '--seed', '7'])).toBe(0);
    const run = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResult;
    expect(run.summary.failed).toBe(0);
    expect(run.summary.total).toBeGreaterThanOrEqual(6);
    expect(printed.join('\n')).toMatch(/✓ TXN-001 .*seed 7/);
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain('TXN-001');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(await readFile(join(out, 'junit.xml'), 'utf8')).toMatch(/<testsuites[^>]*tests="\d+"/);
  });

  it('gives a byte-identical results.json for the same seed, wall-clock values aside', async () => {
    const second = await mkdtemp(join(tmpdir(), 'poslab-cli-'));
    await main(['run', 'scenarios/transactions', '--out', out, '--seed', '42']);
    await main(['run', 'scenarios/transactions', '--out', second, '--seed', '42']);
    const [a, b] = await Promise.all([readFile(join(out, 'results.json'), 'utf8'), readFile(join(second, 'results.json'), 'utf8')]);
    expect(a).not.toBe(b);
    expect(withoutWallClock(a)).toBe(withoutWallClock(b));
  });

  it('exits 1 and reports expected against actual when a scenario expectation is wrong', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'poslab-scn-'));
    const original = await readFile('scenarios/transactions/chip-sale-approved.yaml', 'utf8');
    await writeFile(join(folder, 'wrong.yaml'), original.replace('equals: 4871.50', 'equals: 4871.00'));
    expect(await main(['run', folder, '--out', out])).toBe(1);
    const run = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResult;
    const failed = run.scenarios[0]!.checks.filter((c) => c.verdict === 'failed');
    expect(failed).toEqual([expect.objectContaining({ name: 'card.balance', expected: 'debit-ok balance 4871.00', actual: 'debit-ok balance 4871.50' })]);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('debit-ok balance 4871.00');
    expect(printed.join('\n')).toContain('replay: npx poslab run');
  });

  it('exits 2 naming file and line for a misspelt step, before running anything', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'poslab-scn-'));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'typo.yaml'), 'id: X-1\ntitle: typo\nsteps:\n  - power_on\n  - sael: { card: c, amount: 1.00 }\n');
    expect(await main(['run', folder, '--out', out])).toBe(2);
    expect(printed.join('\n')).toContain(`${join(folder, 'typo.yaml')}:5:5: steps[1].sael: unknown step \`sael\`, did you mean \`sale\`?`);
  });

  it('exits 2 for a path that does not exist', async () => {
    expect(await main(['run', 'no/such/folder', '--out', out])).toBe(2);
    expect(printed.join('\n')).toContain('no/such/folder: no such file or folder');
  });
});
