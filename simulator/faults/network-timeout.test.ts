import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkTimeout } from './network-timeout.ts';

describe('network.timeout', () => {
  it('swallows data while the connection stays up', async () => {
    const bench = new LinkBench();
    const heal = networkTimeout.apply(bench.targets(), networkTimeout.params.parse({ direction: 'to-terminal' }));
    bench.send();
    await bench.run(60_000);
    expect(bench.atHost).toHaveLength(1);
    expect(bench.atTerminal).toHaveLength(0);
    expect(bench.network.isUp).toBe(true);
    expect(bench.kinds()).toContain('blackholed');
    heal();
    bench.send('0200', '000002');
    await bench.run();
    expect(bench.atTerminal).toHaveLength(1);
  });

  it('resets the connection after close_after', async () => {
    const bench = new LinkBench();
    networkTimeout.apply(bench.targets(), networkTimeout.params.parse({ close_after: '30s' }));
    await bench.run(29_999);
    expect(bench.statuses).toEqual([]);
    await bench.run(1);
    expect(bench.statuses).toEqual([false, true]);
  });
});
