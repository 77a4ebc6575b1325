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

  it('takes a binary field in hex and sets it as bytes', async () => {
    const bench = new LinkBench();
    networkTamper.apply(bench.targets(), networkTamper.params.parse({ when: { mti: '0200' }, set: { '62': '00A1FF' } }));
    bench.send();
    await bench.run();
    expect(bench.atHost[0]?.message?.fields[62]).toEqual(Uint8Array.of(0x00, 0xa1, 0xff));
  });

  it('refuses a binary field value that is not whole bytes of hex', () => {
    const parsed = networkTamper.params.safeParse({ when: { mti: '0810' }, set: { '62': '0G1' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/field 62 is binary: write its bytes in hex/);
  });
});
