import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkDrop } from './network-drop.ts';

describe('network.drop', () => {
  it('takes the link down until healed', async () => {
    const bench = new LinkBench();
    const heal = networkDrop.apply(bench.targets(), {});
    expect(bench.network.terminalPort.up).toBe(false);
    expect(() => bench.send()).toThrow();
    heal();
    bench.send();
    await bench.run();
    expect(bench.atTerminal).toHaveLength(1);
    expect(bench.statuses).toEqual([false, true]);
  });
});
