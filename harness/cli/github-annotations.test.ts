import { describe, expect, it } from 'vitest';
import type { RunResult, ScenarioResult } from '../run-result.ts';
import { githubAnnotations } from './github-annotations.ts';

const scenario = (extra: Partial<ScenarioResult>): ScenarioResult => ({
  id: 'NET-9',
  title: 'a title',
  file: 'scenarios/net, odd: name.yaml',
  suite: 'network',
  tags: [],
  requirements: [],
  verdict: 'failed',
  seed: 1,
  replay: 'npx poslab run x.yaml --seed 1',
  virtualMs: 0,
  wallMs: 0,
  steps: [],
  checks: [],
  timeline: [],
  receipts: [],
  samples: [],
  ...extra,
});

const run = (scenarios: ScenarioResult[]) => ({ scenarios }) as unknown as RunResult;

describe('githubAnnotations', () => {
  it('puts one ::error per failed check at its line, escaping properties and message as GitHub requires', () => {
    const lines = githubAnnotations(
      run([scenario({ checks: [{ name: 'screen', line: 7, verdict: 'failed', expected: 'shows 100%', actual: 'READY\r\nOPER 01' }] })]),
    );
    expect(lines).toEqual([
      '::error file=scenarios/net%2C odd%3A name.yaml,line=7,title=NET-9 failed::screen: expected shows 100%25%0Aactual READY%0D%0AOPER 01%0Areplay: npx poslab run x.yaml --seed 1',
    ]);
  });

  it('annotates failed steps, crashes without a line, and nothing for passed scenarios', () => {
    const lines = githubAnnotations(
      run([
        scenario({ verdict: 'passed' }),
        scenario({ steps: [{ index: 2, line: 12, label: 'sale', verdict: 'failed', t: 0, screen: [], error: 'no PIN prompt' }] }),
        scenario({ verdict: 'broken', error: 'TypeError: x\n    at y' }),
      ]),
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=[^:]+,line=12,title=NET-9 failed::step 3 sale: no PIN prompt%0Areplay/);
    expect(lines[1]).toMatch(/^::error file=[^:]+,title=NET-9 broken::poslab crashed: TypeError: x%0Areplay/);
  });
});
