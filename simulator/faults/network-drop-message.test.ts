import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkDropMessage } from './network-drop-message.ts';

describe('network.drop_message', () => {
  it('drops only the answers over the amount', async () => {
    const bench = new LinkBench();
    networkDropMessage.apply(bench.targets(), networkDropMessage.params.parse({ when: { mti: '0210', amount_gt: '1000.00' } }));
    bench.send('0200', '000001', 100_000);
    bench.send('0200', '000002', 100_001);
    await bench.run();
    expect(bench.atHost).toHaveLength(2);
    expect(bench.atTerminal.map((a) => a.message?.fields[11])).toEqual(['000001']);
  });

  it('matches on field values, exact or by pattern, and counts', async () => {
    const bench = new LinkBench();
    networkDropMessage.apply(bench.targets(), networkDropMessage.params.parse({ when: { field: { '11': '/^00000[2-9]$/' } }, count: '2' }));
    for (const stan of ['000001', '000002', '000003', '000004']) bench.send('0200', stan);
    await bench.run();
    expect(bench.atHost.map((a) => a.message?.fields[11])).toEqual(['000001', '000004']);
  });
});
