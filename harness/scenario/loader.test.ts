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

  it('reports YAML syntax errors with their position', () => {
    expect(issues('id: [unclosed\n')[0]).toMatch(/^x\.yaml:\d+:\d+: /);
  });

  it('accepts fault durations and rejects malformed ones', () => {
    const ok = parseScenario(`${base}  - wait: 65s\n    faults: [ { network.drop: { for: 2m } } ]\n`, 'x.yaml');
    expect(ok.steps[1]).toMatchObject({ name: 'wait', args: 65_000, faults: [{ name: 'network.drop', forMs: 120_000 }] });
    expect(issues(`${base}  - wait: soon\n`)[0]).toMatch(/steps\[1\]\.wait: `soon` is not a duration: write a number and a unit/);
  });
});
