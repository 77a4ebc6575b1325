import type { Clock } from '../../platform/clock.ts';
import type { Random } from '../../platform/random.ts';
import type { ByteStage } from './byte-pipeline.ts';
import { DelayQueue } from './delay-queue.ts';

/** A stretch of network that delays every chunk by `latencyMs` ± `jitterMs`, never reordering. */
export function latencyStage(clock: Clock, random: Random, latencyMs: number, jitterMs = 0): ByteStage {
  const queue = new DelayQueue(clock);
  return {
    push: (bytes, forward) => queue.hold(bytes, clock.now() + Math.max(0, latencyMs + random.int(-jitterMs, jitterMs)), forward),
    release: (forward) => queue.release(forward),
    discard: () => queue.discard(),
  };
}
