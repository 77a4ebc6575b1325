import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkDuplicate } from './network-duplicate.ts';

describe('network.duplicate', () => {
  it('sends the picked frame twice and others once', async () => {
    const bench = new LinkBench();
    networkDuplicate.apply(bench.targets(), networkDuplicate.params.parse({ when: { mti: '0200' }, count: '1' }));
    bench.send('0200', '000001');
    bench.send('0200', '000002');
    await bench.run();
    expect(bench.atHost.map((a) => a.message?.fields[11])).toEqual(['000001', '000001', '000002']);
    expect(bench.atTerminal).toHaveLength(3);
  });
});
