import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkWeakSignal } from './network-weak-signal.ts';

describe('network.weak_signal', () => {
  it('lowers the modem meter while the link stays up, and restores it when healed', () => {
    const bench = new LinkBench();
    expect(bench.network.signal()).toBe(4);
    const heal = networkWeakSignal.apply(bench.targets(), networkWeakSignal.params.parse({ bars: '0' }));
    expect(bench.network.signal()).toBe(0);
    expect(bench.network.isUp).toBe(true);
    expect(bench.events.filter((e) => e.kind === 'signal').map((e) => e.detail)).toEqual([{ bars: 0 }]);
    heal();
    expect(bench.network.signal()).toBe(4);
  });

  it('takes 0 to 4 bars only', () => {
    expect(networkWeakSignal.params.safeParse({ bars: '5' }).success).toBe(false);
    expect(networkWeakSignal.params.safeParse({ bars: '-1' }).success).toBe(false);
    expect(networkWeakSignal.params.safeParse({ bars: '2' }).success).toBe(true);
  });
});
