import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from './loader.ts';

const base = `id: T-1
title: test
cards:
  - { id: c1, pan: "6222021234567890123", pin: "123456", balance: 10.00 }
steps:
  - power_on
`;

function issues(text: string): string[] {
  try {
    parseScenario(text, 'x.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('parseScenario', () => {
  it('reads amounts exactly in fen and keeps digit strings as written', () => {
    const scenario = parseScenario(`${base}  - sale: { card: c1, amount: 128.50, pin: 0012 }\n  - sign_in: { operator: 01, password: 0000 }\n`, 'x.yaml');
    const [, sale, signIn] = scenario.steps;
    expect(sale).toMatchObject({ name: 'sale', line: 7, args: { amount: 12850, pin: '0012', entry: 'chip' } });
    expect(signIn).toMatchObject({ name: 'sign_in', args: { operator: '01', password: '0000' } });
    expect(scenario.cards[0]!.balance).toBe(1000);
  });

  it('names file, line, column and a likely fix for a misspelt step', () => {
    expect(issues(`${base}  - sael: { card: c1, amount: 1.00 }\n`)).toEqual([
      'x.yaml:7:5: steps[1].sael: unknown step `sael`, did you mean `sale`?',
    ]);
  });

  it('points at the offending field of a step', () => {
    const [issue] = issues(`${base}  - sale:\n      card: c1\n      amount: 12,50\n`);
    expect(issue).toMatch(/^x\.yaml:9:15: steps\[1\]\.sale\.amount: an amount in yuan such as 128\.50/);
  });

  it('names unknown fields, unknown cards and unknown faults', () => {
    const found = issues(
      `${base}  - sale: { card: c2, amount: 1.00, colour: red }\n  - fault: { network.dorp: {} }\n`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^x\.yaml:7:37: steps\[1\]\.sale\.colour: unknown field `colour`/),
        expect.stringMatching(/^x\.yaml:8:14: steps\[2\]\.fault\.network\.dorp: unknown fault `network\.dorp`, did you mean `network\.drop`\?/),
      ]),
    );
    expect(issues(`${base}  - sale: { card: c2, amount: 1.00 }\n`)[0]).toMatch(/unknown card `c2`, did you mean `c1`\?/);
  });

  it('explains a decimal comma that YAML read as the end of a field', () => {
    expect(issues(`${base}  - sale: { card: c1, amount: 12,50 }\n`)[0]).toMatch(
      /steps\[1\]\.sale\.50: unknown field `50`: a comma ends a field inside \{ … \}, so write amounts with a point \(12\.50\)/,
    );
  });

  it('reports YAML syntax errors with their position', () => {
    expect(issues('id: [unclosed\n')[0]).toMatch(/^x\.yaml:\d+:\d+: /);
  });

  it('accepts fault durations and rejects malformed ones', () => {
    const ok = parseScenario(`${base}  - wait: 65s\n    faults: [ { network.drop: { for: 2m } } ]\n`, 'x.yaml');
    expect(ok.steps[1]).toMatchObject({ name: 'wait', args: 65_000, faults: [{ name: 'network.drop', forMs: 120_000 }] });
    expect(issues(`${base}  - wait: soon\n`)[0]).toMatch(/steps\[1\]\.wait: `soon` is not a duration: write a number and a unit/);
  });

  it('reads when a fault starts: after a delay, or on a message', () => {
    const scenario = parseScenario(
      `${base}  - wait: 1s\n    faults:\n      - network.drop: { after: 10s, for: 5s }\n      - host.crash_restart: { down_for: 2s, on_message: { mti: "0200", amount_gt: 100.00 } }\n`,
      'x.yaml',
    );
    const [drop, crash] = scenario.steps[1]!.faults;
    expect(drop).toMatchObject({ name: 'network.drop', afterMs: 10_000, forMs: 5_000 });
    expect(crash).toMatchObject({ name: 'host.crash_restart', params: { down_for: 2_000 }, onMessage: { mti: ['0200'], amount_gt: 10_000 } });
  });

  it('suggests the parameter, check or field that was meant', () => {
    const found = issues(
      `${base}  - fault: { network.latency: { lantency: 1s } }\n  - fault: { network.drop_message: { when: { mit: "0210" } } }\n  - expect: { screan: READY }\nthen:\n  - link.ordr: ["0400"]\n`,
    );
    expect(found).toEqual([
      'x.yaml:7:31: steps[1].fault.network.latency.latency: required, but missing',
      expect.stringMatching(/^x\.yaml:7:33: steps\[1\]\.fault\.network\.latency\.lantency: unknown parameter `lantency`, did you mean `latency`\?/),
      expect.stringMatching(/steps\[2\]\.fault\.network\.drop_message\.when\.mit: unknown field `mit`, did you mean `mti`\?/),
      expect.stringMatching(/^x\.yaml:9:15: steps\[3\]\.expect\.screan: unknown check `screan`, did you mean `screen`\?/),
      expect.stringMatching(/^x\.yaml:11:5: then\[0\]\.link\.ordr: unknown check `link\.ordr`, did you mean `link\.order`\?/),
    ]);
  });

  it('says how to write a duration it cannot read', () => {
    expect(issues(`${base}  - wait: 10\n`)[0]).toMatch(/steps\[1\]\.wait: `10` needs a unit: write `10s` or `10ms`/);
    expect(issues(`${base}  - wait: 10 sec\n`)[0]).toMatch(/write `10s` for a duration/);
    expect(issues(`${base}  - fault: { network.drop: { for: 2 minutes } }\n`)[0]).toMatch(/network\.drop\.for: write `2m` for a duration/);
  });

  it('reads performance budgets and rejects malformed ones', () => {
    expect(parseScenario(`${base}budgets: { sale.p95: 3s, host.sale.max: 500ms }\n`, 'x.yaml').budgets).toEqual({ 'sale.p95': 3_000, 'host.sale.max': 500 });
    expect(issues(`${base}budgets: { sale.p96: 3s }\n`)[0]).toMatch(/budgets\.sale\.p96: a budget is <metric>\.<p50\|p95\|max>/);
  });

  it('explains a value that fits none of the forms a check or step takes', () => {
    const found = issues(`${base}  - swipe: { card: c1, bda: true }\n  - expect: { link.order: "0400" }\n`);
    expect(found).toEqual([
      expect.stringMatching(/steps\[1\]\.swipe\.bda: unknown field `bda`, did you mean `bad`\?/),
      expect.stringMatching(/steps\[2\]\.expect\.link\.order: expected array or object/),
    ]);
  });
});
