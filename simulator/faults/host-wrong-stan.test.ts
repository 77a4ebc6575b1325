import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { hostWrongStan } from './host-wrong-stan.ts';

describe('host.wrong_stan', () => {
  it('gives answers another STAN, wrapping 999999 to 000001, and leaves requests alone', async () => {
    const bench = new LinkBench();
    hostWrongStan.apply(bench.targets(), hostWrongStan.params.parse({ count: '2' }));
    bench.send('0200', '000041');
    bench.send('0200', '999999');
    bench.send('0200', '000043');
    await bench.run();
    expect(bench.atHost.map((a) => a.message?.fields[11])).toEqual(['000041', '999999', '000043']);
    expect(bench.atTerminal.map((a) => a.message?.fields[11])).toEqual(['000042', '000001', '000043']);
  });
});
