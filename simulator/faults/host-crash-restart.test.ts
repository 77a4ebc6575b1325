import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { hostCrashRestart } from './host-crash-restart.ts';

describe('host.crash_restart', () => {
  it('drops the connection, restarts the host after down_for, and the link comes back', async () => {
    const bench = new LinkBench();
    hostCrashRestart.apply(bench.targets(), hostCrashRestart.params.parse({ down_for: '10s' }));
    expect(bench.network.isUp).toBe(false);
    await bench.run(10_000);
    expect(bench.restarts).toBe(1);
    expect(bench.network.isUp).toBe(true);
    expect(bench.statuses).toEqual([false, true]);
  });

  it('restarts at once when healed early, and only once', async () => {
    const bench = new LinkBench();
    const heal = hostCrashRestart.apply(bench.targets(), hostCrashRestart.params.parse({ down_for: '1m' }));
    heal();
    heal();
    await bench.run(120_000);
    expect(bench.restarts).toBe(1);
    expect(bench.network.isUp).toBe(true);
  });
});
