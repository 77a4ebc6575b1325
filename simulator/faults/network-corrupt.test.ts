import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkCorrupt } from './network-corrupt.ts';

describe('network.corrupt', () => {
  it('flips bits only in frames it picks, at its rate, reproducibly', async () => {
    const run = async () => {
      const bench = new LinkBench();
      networkCorrupt.apply(bench.targets(), networkCorrupt.params.parse({ rate: '1', when: { mti: '0210' } }));
      bench.send();
      await bench.run();
      return bench;
    };
    const bench = await run();
    expect(bench.atHost.map((a) => a.mti)).toEqual(['0200']);
    expect(bench.atTerminal).toHaveLength(1);
    expect(bench.atTerminal[0]!.mti).not.toBe('0210');
    const corrupted = bench.events.find((e) => e.kind === 'corrupted');
    expect(corrupted?.detail).toMatchObject({ direction: 'to-terminal', mti: '0210' });
    expect((await run()).atTerminal).toEqual(bench.atTerminal);
  });

  it('leaves frames alone at rate 0', async () => {
    const bench = new LinkBench();
    networkCorrupt.apply(bench.targets(), networkCorrupt.params.parse({ rate: '0' }));
    bench.send();
    await bench.run();
    expect(bench.atTerminal.map((a) => a.mti)).toEqual(['0210']);
  });
});
