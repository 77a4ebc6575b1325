import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../platform/clock.ts';
import { DelayQueue } from './delay-queue.ts';

const chunk = (n: number) => Uint8Array.of(n);

describe('DelayQueue', () => {
  it('never lets a chunk overtake the one ahead of it', () => {
    const clock = new VirtualClock(0);
    const queue = new DelayQueue(clock);
    const out: [number, number][] = [];
    const forward = (bytes: Uint8Array) => out.push([bytes[0]!, clock.now()]);
    queue.hold(chunk(1), 500, forward);
    queue.hold(chunk(2), 100, forward);
    queue.hold(chunk(3), 900, forward);
    clock.advanceTo(10_000);
    expect(out).toEqual([[1, 500], [2, 500], [3, 900]]);
  });

  it('passes a chunk due now straight through when nothing is held', () => {
    const clock = new VirtualClock(0);
    const queue = new DelayQueue(clock);
    const out: number[] = [];
    queue.hold(chunk(1), 0, (bytes) => out.push(bytes[0]!));
    expect(out).toEqual([1]);
    expect(clock.pendingCount()).toBe(0);
  });

  it('releases everything at once in order, or discards and counts it', () => {
    const clock = new VirtualClock(0);
    const queue = new DelayQueue(clock);
    const out: number[] = [];
    queue.hold(chunk(1), 100, () => {});
    queue.hold(chunk(2), 200, () => {});
    queue.release((bytes) => out.push(bytes[0]!));
    expect(out).toEqual([1, 2]);
    expect(clock.pendingCount()).toBe(0);
    queue.hold(Uint8Array.of(1, 2, 3), 100, () => {});
    expect(queue.discard()).toBe(3);
    expect(clock.pendingCount()).toBe(0);
  });
});
