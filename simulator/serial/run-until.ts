import type { VirtualClock } from '../../platform/clock.ts';
import { settle } from '../../platform/settle.ts';
import { wireActivity } from './wire.ts';

export interface RunUntilOptions {
  /**
   * Called whenever everything is quiet and time is about to move on; a person acts here
   * (presses keys, pulls a card). Return true if something was done, so the wires settle again
   * before the next timer fires.
   */
  readonly onIdle?: () => boolean;
  /** Give up after this many timer firings, which means something keeps re-arming a timer. */
  readonly maxTimers?: number;
}

/**
 * Drives a run on virtual time until `promise` settles: let the wires go quiet, let a person
 * act, and only then fire the next timer. Throws if nothing is left that could settle it.
 */
export async function runUntilSettled<T>(clock: VirtualClock, promise: Promise<T>, options: RunUntilOptions = {}): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  const maxTimers = options.maxTimers ?? 10_000;
  for (let fired = 0; fired <= maxTimers; ) {
    await settle(wireActivity);
    if (settled) return promise;
    if (options.onIdle?.()) continue;
    if (!clock.fireNext()) {
      await settle(wireActivity);
      if (settled) return promise;
      throw new Error('run is stuck: nothing pending on the clock and the awaited promise is still open');
    }
    fired++;
  }
  throw new Error(`run did not settle within ${maxTimers} timer firings`);
}
