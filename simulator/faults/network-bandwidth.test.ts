import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkBandwidth } from './network-bandwidth.ts';

describe('network.bandwidth', () => {
  it('paces bytes at the rate, one frame after another', async () => {
    const bench = new LinkBench();
    networkBandwidth.apply(bench.targets(), networkBandwidth.params.parse({ rate: '10', direction: 'to-host' }));
    bench.send('0200', '000001');
    bench.send('0200', '000002');
    await bench.run(60_000);
    const size = bench.chunksAtHost[0]!;
    expect(bench.atHost.map((a) => a.at)).toEqual([size * 100, size * 200]);
  });

  it('lets held bytes go when healed', async () => {
    const bench = new LinkBench();
    const heal = networkBandwidth.apply(bench.targets(), networkBandwidth.params.parse({ rate: '1' }));
    bench.send();
    await bench.run(1_000);
    heal();
    await bench.run();
    expect(bench.atHost.map((a) => a.at)).toEqual([1_000]);
    expect(bench.atTerminal).toHaveLength(1);
  });
});
