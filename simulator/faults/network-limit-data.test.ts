import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkLimitData } from './network-limit-data.ts';

describe('network.limit_data', () => {
  it('passes whole frames within the allowance, then cuts the connection mid-frame', async () => {
    const bench = new LinkBench();
    bench.send();
    await bench.run();
    const frameSize = bench.chunksAtHost[0]!;
    networkLimitData.apply(bench.targets(), networkLimitData.params.parse({ bytes: String(frameSize + 10) }));
    bench.send('0200', '000002');
    await bench.run();
    expect(bench.atHost).toHaveLength(2);
    bench.send('0200', '000003');
    await bench.run();
    expect(bench.atHost).toHaveLength(2);
    expect(bench.statuses).toEqual([false, true]);
    expect(bench.kinds()).toContain('limit-reached');
  });

  it('gives each new connection a fresh allowance', async () => {
    const bench = new LinkBench();
    networkLimitData.apply(bench.targets(), networkLimitData.params.parse({ bytes: '10' }));
    bench.send();
    await bench.run();
    bench.send('0200', '000002');
    await bench.run();
    expect(bench.atHost).toHaveLength(0);
    expect(bench.chunksAtHost).toEqual([10, 10]);
    expect(bench.dials).toBe(3);
  });

  it('with a count, cuts only that many connections and then lets everything through', async () => {
    const bench = new LinkBench();
    networkLimitData.apply(bench.targets(), networkLimitData.params.parse({ bytes: '10', count: '1' }));
    bench.send();
    await bench.run();
    bench.send('0200', '000002');
    await bench.run();
    expect(bench.atHost.map((a) => a.message?.fields[11])).toEqual(['000002']);
    expect(bench.kinds().filter((k) => k === 'limit-reached')).toHaveLength(1);
  });
});
