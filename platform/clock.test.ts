import { describe, expect, it } from 'vitest';
import { sleep, VirtualClock } from './clock.ts';

describe('VirtualClock', () => {
  it('fires timers in due order, and timers due together in the order they were set', () => {
    const clock = new VirtualClock(1_000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 20);
    clock.setTimeout(() => fired.push('a'), 10);
    clock.setTimeout(() => fired.push('c'), 20);
    while (clock.fireNext());
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(1_020);
  });

  it('does not fire a cleared timer', () => {
    const clock = new VirtualClock(0);
    let fired = false;
    const timer = clock.setTimeout(() => (fired = true), 5);
    clock.clearTimeout(timer);
    clock.advanceTo(10);
    expect(fired).toBe(false);
    expect(clock.pendingCount()).toBe(0);
  });

  it('advances to a target and fires what falls due on the way, including timers set by timers', () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 10);
    }, 10);
    clock.advanceTo(25);
    expect(fired).toEqual([10, 20]);
    expect(clock.now()).toBe(25);
    expect(clock.nextDue()).toBeUndefined();
  });

  it('lets a 60-second sleep finish without real waiting', async () => {
    const clock = new VirtualClock(0);
    const done = sleep(clock, 60_000).then(() => clock.now());
    clock.fireNext();
    await expect(done).resolves.toBe(60_000);
  });
});
