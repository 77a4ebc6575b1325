import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { hostDown } from './host-down.ts';

describe('host.down', () => {
  it('drops the connection and refuses redials until healed', async () => {
    const bench = new LinkBench();
    const heal = hostDown.apply(bench.targets(), {});
    expect(bench.network.isUp).toBe(false);
    expect(bench.events.at(-1)).toMatchObject({ kind: 'down', detail: { reason: 'host refused' } });
    heal();
    expect(bench.network.isUp).toBe(true);
    bench.send();
    await bench.run();
    expect(bench.atTerminal).toHaveLength(1);
  });
});
