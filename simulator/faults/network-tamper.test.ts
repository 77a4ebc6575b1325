import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkTamper } from './network-tamper.ts';

describe('network.tamper', () => {
  it('rewrites the chosen fields of matching messages only', async () => {
    const bench = new LinkBench();
    networkTamper.apply(bench.targets(), networkTamper.params.parse({ when: { mti: '0210' }, set: { '39': '05' }, count: '1' }));
    bench.send('0200', '000001');
    bench.send('0200', '000002');
    await bench.run();
    expect(bench.atTerminal.map((a) => a.message?.fields[39])).toEqual(['05', '00']);
    expect(bench.atHost.map((a) => a.message?.fields[39])).toEqual([undefined, undefined]);
  });
});
