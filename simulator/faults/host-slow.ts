import { z } from 'zod';
import { DelayQueue } from '../network/delay-queue.ts';
import { defineFault } from './fault.ts';
import { duration } from './params.ts';

/**
 * The host is overloaded: requests reach its processing `by` (± `jitter`) late, so an answer
 * may come after the terminal stopped waiting — and the host has booked it all the same.
 */
export const hostSlow = defineFault({
  name: 'host.slow',
  summary: 'The host answers late: an answer after the terminal timed out is already booked, so the terminal must reverse.',
  example: '- fault: { host.slow: { by: 45s } }',
  params: z.object({ by: duration, jitter: duration.optional() }).strict(),
  apply: ({ network, clock, random }, { by, jitter = 0 }) => {
    const queue = new DelayQueue(clock);
    network.note('host-slow', { ms: by });
    return network.addStage('to-host', {
      push: (bytes, forward) => queue.hold(bytes, clock.now() + Math.max(0, by + random.int(-jitter, jitter)), forward),
      release: (forward) => queue.release(forward),
      discard: () => queue.discard(),
    });
  },
});
