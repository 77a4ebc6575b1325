import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkSlicer } from './network-slicer.ts';

describe('network.slicer', () => {
  it('splits frames into small pieces with a delay between them, and the frame still arrives whole', async () => {
    const bench = new LinkBench();
    networkSlicer.apply(bench.targets(), networkSlicer.params.parse({ average_size: '5', delay: '10ms', direction: 'to-host' }));
    bench.send();
    await bench.run(10_000);
    const total = bench.chunksAtHost.reduce((a, b) => a + b, 0);
    expect(bench.chunksAtHost.length).toBe(Math.ceil(total / 5));
    expect(bench.chunksAtHost.slice(0, -1).every((size) => size === 5)).toBe(true);
    expect(bench.atHost).toHaveLength(1);
    expect(bench.atHost[0]!.at).toBe(10 * bench.chunksAtHost.length);
    expect(bench.atTerminal).toHaveLength(1);
  });

  it('varies piece sizes within the bound', async () => {
    const bench = new LinkBench();
    networkSlicer.apply(bench.targets(), networkSlicer.params.parse({ average_size: '6', size_variation: '3', direction: 'to-host' }));
    bench.send();
    await bench.run();
    expect(bench.chunksAtHost.slice(0, -1).every((size) => size >= 3 && size <= 9)).toBe(true);
    expect(new Set(bench.chunksAtHost).size).toBeGreaterThan(1);
  });
});
