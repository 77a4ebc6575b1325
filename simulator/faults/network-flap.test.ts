import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkFlap } from './network-flap.ts';

describe('network.flap', () => {
  it('cuts and restores the carrier in turn until healed', async () => {
    const bench = new LinkBench();
    const heal = networkFlap.apply(bench.targets(), networkFlap.params.parse({ down: '5s', up: '20s' }));
    await bench.run(60_000);
    expect(bench.statuses).toEqual([false, true, false, true, false, true]);
    heal();
    await bench.run(60_000);
    expect(bench.network.isUp).toBe(true);
    expect(bench.statuses).toHaveLength(6);
  });
});
