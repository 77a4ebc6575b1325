import { describe, expect, it } from 'vitest';
import type { RunResult, ScenarioResult } from '../harness/run-result.ts';
import { renderJunit } from './junit.ts';

const scenario = (id: string, verdict: ScenarioResult['verdict'], extra: Partial<ScenarioResult> = {}): ScenarioResult => ({
  id,
  title: `title of ${id}`,
  file: `scenarios/${id}.yaml`,
  suite: 'network',
  tags: [],
  requirements: ['NET-LINK-DOWN'],
  verdict,
  seed: 5,
  replay: `npx poslab run scenarios/${id}.yaml --seed 5`,
  virtualMs: 0,
  wallMs: 1500,
  steps: [],
  checks: [],
  timeline: [],
  receipts: [],
  samples: [],
  ...extra,
});

const run = (scenarios: ScenarioResult[]): RunResult => ({
  tool: { name: 'poslab', version: '0' },
  seed: 5,
  command: 'npx poslab run scenarios --seed 5',
  selection: { tags: [], suites: [] },
  wallStartedAt: '',
  wallMs: 0,
  virtualMs: 0,
  summary: { total: scenarios.length, passed: 1, failed: 1, broken: 1, notRun: 0 },
  performance: [],
  scenarios,
});

describe('renderJunit', () => {
  const xml = renderJunit(
    run([
      scenario('N-1', 'passed'),
      scenario('N-2', 'failed', { checks: [{ name: 'screen', line: 12, verdict: 'failed', expected: 'screen shows NETWORK DOWN', actual: 'READY' }] }),
      scenario('N-3', 'broken', { error: 'TypeError: boom\n    at x' }),
    ]),
  );

  it('tells conformance failures from poslab errors', () => {
    expect(xml).toMatch(/<testsuites[^>]*tests="3"[^>]*failures="1"[^>]*errors="1"/);
    expect(xml).toContain('<failure message="scenarios/N-2.yaml:12 screen: expected screen shows NETWORK DOWN; actual READY" type="conformance"');
    expect(xml).toContain('<error message="scenarios/N-3.yaml: TypeError: boom" type="poslab"');
  });

  it('names the file, the seed and the replay command', () => {
    expect(xml).toContain('file="scenarios/N-1.yaml"');
    expect(xml).toContain('<property name="seed" value="5"/>');
    expect(xml).toContain('replay: npx poslab run scenarios/N-2.yaml --seed 5');
  });
});
