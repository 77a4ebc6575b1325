import { z } from 'zod';
import { DelayQueue } from '../network/delay-queue.ts';
import { defineFault } from './fault.ts';
import { onEachDirection } from './link-directions.ts';
import { byteCount, count, direction, duration } from './params.ts';

/**
 * The carrier hands data on in small pieces with gaps between them: a receiver that expects a
 * whole message per read, or times out between bytes too eagerly, breaks.
 */
export const networkSlicer = defineFault({
  name: 'network.slicer',
  summary: 'Messages arrive in small pieces with pauses between them: framing must reassemble them.',
  example: '- fault: { network.slicer: { average_size: 8, size_variation: 4, delay: 20ms } }',
  params: z
    .object({
      average_size: count.default(8),
      size_variation: byteCount.default(0),
      delay: duration.optional(),
      direction: direction.default('both'),
    })
    .strict(),
  apply: ({ network, clock, random }, { average_size, size_variation, delay = 0, direction: which }) =>
    onEachDirection(which, (dir) => {
      const queue = new DelayQueue(clock);
      return network.addStage(dir, {
        push: (bytes, forward) => {
          for (let at = 0; at < bytes.length; ) {
            const size = Math.max(1, average_size + random.int(-size_variation, size_variation));
            queue.hold(bytes.subarray(at, at + size), queue.busyUntil + delay, forward);
            at += size;
          }
        },
        release: (forward) => queue.release(forward),
        discard: () => queue.discard(),
      });
    }),
});
