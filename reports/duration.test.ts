import { describe, expect, it } from 'vitest';
import { humanDuration } from './duration.ts';

describe('humanDuration', () => {
  it('reads like a person would say it, from a step to a suite spanning months', () => {
    expect(humanDuration(0)).toBe('0 ms');
    expect(humanDuration(340)).toBe('340 ms');
    expect(humanDuration(2_500)).toBe('2.50 s');
    expect(humanDuration(65_000)).toBe('65.0 s');
    expect(humanDuration(750_000)).toBe('12 min 30 s');
    expect(humanDuration(3 * 3_600_000)).toBe('3 h');
    expect(humanDuration(10_607_376_500)).toBe('122 d 18 h');
  });
});
