import { describe, expect, it } from 'vitest';
import type { RunResult } from '../harness/run-result.ts';
import { renderHtml } from './html.ts';

const run: RunResult = {
  tool: { name: 'poslab', version: '0.0.0' },
  seed: 3,
  command: 'poslab run x --seed 3',
  wallStartedAt: '2026-11-22T00:00:00.000Z',
  wallMs: 10,
  virtualMs: 60_000,
  selection: { tags: [], suites: [] },
  summary: { total: 1, passed: 0, failed: 1, broken: 0, notRun: 0 },
  performance: [],
  scenarios: [
    {
      id: 'X-1',
      title: 'A <script>alert(1)</script> title',
      file: 'x.yaml',
      suite: 'demo',
      tags: [],
      requirements: ['REQ-1'],
      verdict: 'failed',
      seed: 3,
      replay: 'npx poslab run x.yaml --seed 3',
      virtualMs: 60_000,
      wallMs: 10,
      steps: [{ index: 0, line: 4, label: 'power_on', verdict: 'passed', t: 0, screen: ['READY'] }],
      checks: [{ name: 'screen', line: 5, verdict: 'failed', expected: 'screen shows APPROVED', actual: 'DECLINED' }],
      timeline: [{ t: 5, source: 'link', kind: 'message', detail: { mti: '0200', fields: '2=622202*********0123' } }],
      receipts: [],
      samples: [],
    },
  ],
};

describe('renderHtml', () => {
  const page = renderHtml(run);

  it('escapes scenario text but keeps its own stylesheet and script intact', () => {
    expect(page).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; title');
    expect(page).toContain('details.scenario > summary');
    expect(page).toContain("addEventListener('click', () =>");
  });

  it('opens failed scenarios and shows expected against actual, the replay command and the timeline', () => {
    expect(page).toMatch(/<details class="scenario" data-verdict="failed" open>/);
    expect(page).toContain('screen shows APPROVED');
    expect(page).toContain('npx poslab run x.yaml --seed 3');
    expect(page).toContain('2=622202*********0123');
  });

  it('needs nothing from the network', () => {
    expect(page).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });
});
