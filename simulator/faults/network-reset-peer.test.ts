import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkResetPeer } from './network-reset-peer.ts';

describe('network.reset_peer', () => {
  it('drops the link, loses the answer in flight and comes back after the reconnect delay', async () => {
    const bench = new LinkBench();
    bench.send();
    networkResetPeer.apply(bench.targets(), networkResetPeer.params.parse({ reconnect_after: '2s' }));
    await bench.run(1_999);
    expect(bench.network.isUp).toBe(false);
    await bench.run(1);
    expect(bench.network.isUp).toBe(true);
    expect(bench.statuses).toEqual([false, true]);
    expect(bench.atTerminal).toHaveLength(0);
    expect(bench.dials).toBe(2);
  });
});
