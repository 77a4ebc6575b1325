import { settle } from '../../platform/settle.ts';
import type { World } from '../world.ts';

/** How far a single step may push virtual time on its own before the terminal counts as stuck. */
export const STEP_HORIZON_MS = 5 * 60_000;

export type QuietOutcome = 'waiting-for-person' | 'idle' | 'stuck';

/**
 * Runs the world until it waits for a person or has nothing left to do: settle every queued
 * callback, and while the terminal is busy on its own, jump the virtual clock to the next
 * timer. Time never advances past a screen that waits for a person — that is what `wait` is for.
 */
export async function runUntilQuiet(world: World, horizonMs = STEP_HORIZON_MS): Promise<QuietOutcome> {
  const limit = world.clock.now() + horizonMs;
  for (;;) {
    await settle(() => world.activity());
    if (world.console.awaitingPerson) return 'waiting-for-person';
    const due = world.clock.nextDue();
    if (due === undefined) return 'idle';
    if (due > limit) {
      world.stuck = true;
      return 'stuck';
    }
    world.clock.fireNext();
  }
}

/** Lets `ms` of virtual time pass, firing every timer that falls due on the way. */
export async function letTimePass(world: World, ms: number): Promise<void> {
  const target = world.clock.now() + ms;
  for (;;) {
    await settle(() => world.activity());
    const due = world.clock.nextDue();
    if (due === undefined || due > target) break;
    world.clock.fireNext();
  }
  world.clock.advanceTo(target);
  await settle(() => world.activity());
}
