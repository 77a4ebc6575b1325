import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededRandom } from './random.ts';

describe('seededRandom', () => {
  it('replays the same draws from the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        expect([a.int(0, 999), ...a.bytes(8)]).toEqual([b.int(0, 999), ...b.bytes(8)]);
      }),
    );
  });

  it('keeps ints within bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 1000 }), (seed, span) => {
        const value = seededRandom(seed).int(-span, span);
        expect(value).toBeGreaterThanOrEqual(-span);
        expect(value).toBeLessThanOrEqual(span);
      }),
    );
  });

  it('gives forks with different labels independent streams', () => {
    const root = seededRandom(7);
    expect(root.fork('host').bytes(16)).not.toEqual(root.fork('terminal').bytes(16));
    expect(seededRandom(7).fork('host').bytes(16)).toEqual(seededRandom(7).fork('host').bytes(16));
  });
});
