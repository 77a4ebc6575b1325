import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkDelayMessage } from './network-delay-message.ts';

describe('network.delay_message', () => {
  it('holds back the matching message only, letting later ones overtake it', async () => {
    const bench = new LinkBench();
    networkDelayMessage.apply(bench.targets(), networkDelayMessage.params.parse({ when: { mti: '0410' }, by: '30s' }));
    bench.send('0400', '000001');
    bench.send('0200', '000002');
    await bench.run(60_000);
    expect(bench.atTerminal.map((a) => [a.mti, a.at])).toEqual([
      ['0210', 0],
      ['0410', 30_000],
    ]);
  });

  it('delivers a delayed message even after the fault is healed, but not over a connection that died', async () => {
    const bench = new LinkBench();
    const heal = networkDelayMessage.apply(bench.targets(), networkDelayMessage.params.parse({ when: { mti: ['0210'] }, by: '10s' }));
    bench.send('0200', '000001');
    await bench.run(1);
    heal();
    await bench.run(10_000);
    expect(bench.atTerminal).toHaveLength(1);
    networkDelayMessage.apply(bench.targets(), networkDelayMessage.params.parse({ when: { mti: '0210' }, by: '10s' }));
    bench.send('0200', '000002');
    await bench.run(1);
    bench.network.reset();
    await bench.run(20_000);
    expect(bench.atTerminal).toHaveLength(1);
  });
});
