import prand from 'pure-rand';

/**
 * Randomness, injected and seeded. Every random choice in a run (keys, STAN start, retrieval
 * reference numbers, fault jitter) comes from one of these, so a run replays from its seed.
 * `fork(label)` gives an independent stream per component: adding a draw in the printer does
 * not shift the keys the host generates.
 */
export interface Random {
  /** A uniformly distributed integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  bytes(count: number): Uint8Array<ArrayBuffer>;
  fork(label: string): Random;
}

export function seededRandom(seed: number): Random {
  return new SeededRandom(seed >>> 0);
}

class SeededRandom implements Random {
  private readonly generator: prand.RandomGenerator;

  constructor(private readonly seed: number) {
    this.generator = prand.xoroshiro128plus(seed);
  }

  int(min: number, max: number): number {
    return prand.unsafeUniformIntDistribution(min, max, this.generator);
  }

  bytes(count: number): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = this.int(0, 255);
    return out;
  }

  fork(label: string): Random {
    let hash = this.seed ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
    return new SeededRandom(hash >>> 0);
  }
}
