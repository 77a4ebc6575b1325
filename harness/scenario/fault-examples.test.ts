import { describe, expect, it } from 'vitest';
import { faultUnits } from '../../simulator/faults/registry.ts';
import { parseScenario } from './loader.ts';

describe('fault examples', () => {
  it.each([...faultUnits.values()].map((unit) => [unit.name, unit.example]))('%s: its example is a valid step', (name, example) => {
    const scenario = parseScenario(`id: EX-1\ntitle: example\nsteps:\n  ${example}\n`, 'example.yaml');
    expect(scenario.steps[0]!.faults.map((fault) => fault.name)).toEqual([name]);
  });
});
