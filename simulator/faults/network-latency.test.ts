import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkLatency } from './network-latency.ts';

describe('network.latency', () => {
  it('delays each direction by the latency, so a round trip takes twice as long', async () => {
    const bench = new LinkBench();
    networkLatency.apply(bench.targets(), networkLatency.params.parse({ latency: '800ms' }));
    bench.send();
    await bench.run(10_000);
    expect(bench.atHost.map((a) => a.at)).toEqual([800]);
    expect(bench.atTerminal.map((a) => a.at)).toEqual([1_600]);
  });

  it('jitters within the bound from the seeded stream and keeps order', async () => {
    const bench = new LinkBench();
    networkLatency.apply(bench.targets(), networkLatency.params.parse({ latency: '1s', jitter: '500ms', direction: 'to-host' }));
    for (let stan = 1; stan <= 20; stan++) bench.send('0200', String(stan).padStart(6, '0'));
    await bench.run(10_000);
    const stans = bench.atHost.map((a) => Number(a.message?.fields[11]));
    expect(stans).toEqual([...stans].sort((a, b) => a - b));
    expect(bench.atHost.every((a) => a.at >= 500 && a.at <= 1_500)).toBe(true);
    expect(new Set(bench.atHost.map((a) => a.at)).size).toBeGreaterThan(1);
  });

  it('hands on what it holds when healed, at once', async () => {
    const bench = new LinkBench();
    const heal = networkLatency.apply(bench.targets(), networkLatency.params.parse({ latency: '1m', direction: 'to-host' }));
    bench.send();
    await bench.run(1_000);
    expect(bench.atHost).toHaveLength(0);
    heal();
    await bench.run();
    expect(bench.atHost.map((a) => a.at)).toEqual([1_000]);
  });
});
