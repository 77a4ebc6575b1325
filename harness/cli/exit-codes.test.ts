import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioResult } from '../run-result.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ScenarioRunOptions } from '../runner/run-scenario.ts';

/** Stands in for the runner: poslab "crashes" inside TXN-002, every other scenario passes. */
const runScenario = vi.fn(async (scenario: Scenario, options: ScenarioRunOptions): Promise<ScenarioResult> => ({
  id: scenario.id,
  title: scenario.title,
  file: scenario.file,
  suite: scenario.suite,
  tags: scenario.tags,
  requirements: scenario.requirements,
  verdict: scenario.id === 'TXN-002' ? 'broken' : 'passed',
  seed: options.seed,
  replay: options.replay,
  virtualMs: 0,
  wallMs: 0,
  steps: [],
  checks: [],
  timeline: [],
  receipts: [],
  samples: [],
  ...(scenario.id === 'TXN-002' ? { error: 'TypeError: cannot read properties of undefined' } : {}),
}));
vi.mock('../runner/run-scenario.ts', () => ({ runScenario }));

const { main } = await import('./main.ts');

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'poslab-exit-'));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  runScenario.mockClear();
});
afterEach(() => vi.restoreAllMocks());

describe('exit codes', () => {
  it('exits 3 when poslab itself crashed in a scenario, even if the rest passed', async () => {
    expect(await main(['run', 'scenarios/transactions', '--out', out])).toBe(3);
  });

  it('exits 0 when the broken scenario is not selected', async () => {
    expect(await main(['run', 'scenarios/transactions', '--out', out, '--grep', 'TXN-001'])).toBe(0);
  });

  it('passes --update-goldens and the seed through to every scenario', async () => {
    await main(['run', 'scenarios/transactions', '--out', out, '--update-goldens', '--seed', '9', '--grep', 'TXN-001']);
    expect(runScenario).toHaveBeenCalledWith(expect.objectContaining({ id: 'TXN-001' }), {
      seed: 9,
      replay: 'npx poslab run scenarios/transactions/chip-sale-approved.yaml --seed 9',
      updateGoldens: true,
    });
  });
});
