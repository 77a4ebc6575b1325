import { describe, expect, it } from 'vitest';
import { LinkBench } from '../faults/testing/link-bench.ts';
import { DelayQueue } from './delay-queue.ts';

describe('NetworkLink', () => {
  it('carries a request to the host and its answer back, logging both masked and in order', async () => {
    const bench = new LinkBench();
    bench.send('0200', '000007', 12850);
    await bench.run();
    expect(bench.atHost.map((a) => a.mti)).toEqual(['0200']);
    expect(bench.atTerminal.map((a) => a.message?.fields[11])).toEqual(['000007']);
    expect(bench.network.messages().map((m) => [m.seq, m.direction, m.mti, m.fields['4'], m.verdict])).toEqual([
      [1, 'to-host', '0200', '000000012850', 'passed'],
      [2, 'to-terminal', '0210', '000000012850', 'passed'],
    ]);
  });

  it('drops the connection while the carrier is cut, refuses writes, and redials when mended', async () => {
    const bench = new LinkBench();
    const mend = bench.network.cutCarrier();
    expect(bench.network.isUp).toBe(false);
    expect(() => bench.send()).toThrow(/down/);
    const second = bench.network.cutCarrier();
    mend();
    mend();
    expect(bench.network.isUp).toBe(false);
    second();
    expect(bench.network.isUp).toBe(true);
    expect(bench.statuses).toEqual([false, true]);
    expect(bench.dials).toBe(2);
    bench.send();
    await bench.run();
    expect(bench.atTerminal).toHaveLength(1);
  });

  it('loses what is in flight when the connection resets, and comes back after the reconnect delay', async () => {
    const bench = new LinkBench();
    const queue = new DelayQueue(bench.clock);
    bench.network.addStage('to-terminal', {
      push: (bytes, forward) => queue.hold(bytes, bench.clock.now() + 1_000, forward),
      release: (forward) => queue.release(forward),
      discard: () => queue.discard(),
    });
    bench.send();
    await bench.run(10);
    bench.network.reset(500);
    expect(bench.network.isUp).toBe(false);
    await bench.run(2_000);
    expect(bench.network.isUp).toBe(true);
    expect(bench.atTerminal).toHaveLength(0);
    expect(bench.events.filter((e) => e.kind === 'lost').map((e) => e.detail)).toEqual([{ direction: 'to-terminal', bytes: expect.any(Number) }]);
    expect(bench.statuses).toEqual([false, true]);
  });

  it('drops bytes already handed to the terminal side when the connection resets in the same instant', async () => {
    const bench = new LinkBench();
    bench.network.addStage('to-terminal', {
      push: (bytes, forward) => {
        forward(bytes);
        bench.network.reset(0);
      },
      release: () => {},
      discard: () => 0,
    });
    bench.send();
    await bench.run(10);
    expect(bench.atTerminal).toHaveLength(0);
    expect(bench.statuses).toEqual([false, true]);
    expect(bench.events.filter((e) => e.kind === 'lost').map((e) => e.detail)).toEqual([{ direction: 'to-terminal', bytes: expect.any(Number) }]);
  });

  it('carries a frame on unchanged when a fault rule throws, and tells who listens', async () => {
    const bench = new LinkBench();
    const errors: unknown[] = [];
    bench.network.onFaultError((error) => errors.push(error));
    bench.network.addFrameRule(() => {
      throw new Error('broken rule');
    });
    bench.send();
    await bench.run();
    expect(bench.atHost.map((a) => a.mti)).toEqual(['0200']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['broken rule', 'broken rule']);
    expect(bench.kinds()).toContain('fault-error');
  });

  it('releases data held by a stage when the stage is removed, in order', async () => {
    const bench = new LinkBench();
    const queue = new DelayQueue(bench.clock);
    const remove = bench.network.addStage('to-host', {
      push: (bytes, forward) => queue.hold(bytes, bench.clock.now() + 60_000, forward),
      release: (forward) => queue.release(forward),
      discard: () => queue.discard(),
    });
    bench.send('0200', '000001');
    bench.send('0200', '000002');
    await bench.run(1_000);
    expect(bench.atHost).toHaveLength(0);
    remove();
    await bench.run();
    expect(bench.atHost.map((a) => a.message?.fields[11])).toEqual(['000001', '000002']);
  });
});
