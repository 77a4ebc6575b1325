import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { faultUnits } from './registry.ts';

const docs = readFileSync(new URL('../../docs/faults.md', import.meta.url), 'utf8');

describe('fault registry', () => {
  it('holds at least 30 uniquely named units, each with a summary and an example that names it', () => {
    expect(faultUnits.size).toBeGreaterThanOrEqual(30);
    for (const [name, unit] of faultUnits) {
      expect(name).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(unit.summary.length).toBeGreaterThan(20);
      expect(unit.example).toContain(`${name}:`);
    }
  });

  it('documents every unit in docs/faults.md, with its example', () => {
    for (const [name, unit] of faultUnits) {
      expect(docs, name).toContain(`### \`${name}\``);
      expect(docs, name).toContain(unit.example.replace(/^- /, ''));
    }
  });

  it('takes parameters as a strict object and leaves for, after and on_message to the scheduler', () => {
    for (const [name, unit] of faultUnits) {
      expect(unit.params, name).toBeInstanceOf(z.ZodObject);
      const keys = Object.keys((unit.params as unknown as z.ZodObject).shape);
      expect(keys.filter((key) => ['for', 'after', 'on_message'].includes(key)), name).toEqual([]);
      expect(unit.params.safeParse({ surely_unknown: '1' }).success, name).toBe(false);
    }
  });
});
