import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../platform/clock.ts';
import { LiveClock } from './live-clock.ts';
import { ManualWall } from './manual-wall.ts';

function setup() {
  const wall = new ManualWall();
  const clock = new VirtualClock(1_000_000);
  const errors: unknown[] = [];
  const live = new LiveClock(clock, () => 0, wall, (error) => errors.push(error));
  live.start();
  return { wall, clock, live, errors };
}

describe('the live clock', () => {
  it('follows the wall times the speed, firing timers on the way', async () => {
    const { wall, clock, live } = setup();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 500);
    await wall.advance(400);
    expect(fired).toEqual([]);
    await wall.advance(200);
    expect(fired).toEqual([1_000_500]);
    live.setSpeed(10);
    await wall.advance(1_000);
    expect(clock.now()).toBe(1_000_600 + 10_000);
  });

  it('stands still while a scenario step holds it, and carries on from where the step left it', async () => {
    const { wall, clock, live } = setup();
    await live.hold(async () => {
      await wall.advance(1_000);
      clock.advanceTo(1_060_000);
    });
    expect(clock.now()).toBe(1_060_000);
    await wall.advance(200);
    expect(clock.now()).toBe(1_060_200);
  });

  it('reports a timer that throws and keeps following the wall', async () => {
    const { wall, clock, errors } = setup();
    clock.setTimeout(() => {
      throw new Error('a broken timer');
    }, 100);
    await wall.advance(200);
    expect(errors).toEqual([new Error('a broken timer')]);
    await wall.advance(200);
    expect(clock.now()).toBe(1_000_400);
  });
});
