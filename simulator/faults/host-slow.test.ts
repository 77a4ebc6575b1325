import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { hostSlow } from './host-slow.ts';

describe('host.slow', () => {
  it('makes requests reach the host late, answers come straight back', async () => {
    const bench = new LinkBench();
    hostSlow.apply(bench.targets(), hostSlow.params.parse({ by: '45s' }));
    bench.send();
    await bench.run(60_000);
    expect(bench.atHost.map((a) => a.at)).toEqual([45_000]);
    expect(bench.atTerminal.map((a) => a.at)).toEqual([45_000]);
  });
});
