import { z } from 'zod';
import { DelayQueue } from '../network/delay-queue.ts';
import { defineFault } from './fault.ts';
import { onEachDirection } from './link-directions.ts';
import { count, direction } from './params.ts';

/** A thin pipe (a GPRS modem on a bad day): bytes leave no faster than `rate` per second. */
export const networkBandwidth = defineFault({
  name: 'network.bandwidth',
  summary: 'The line carries only so many bytes per second: big messages (chip data, batch upload) take seconds.',
  example: '- fault: { network.bandwidth: { rate: 120, for: 5m } }',
  params: z.object({ rate: count.describe('bytes per second'), direction: direction.default('both') }).strict(),
  apply: ({ network, clock }, { rate, direction: which }) =>
    onEachDirection(which, (dir) => {
      const queue = new DelayQueue(clock);
      return network.addStage(dir, {
        push: (bytes, forward) => queue.hold(bytes, queue.busyUntil + Math.ceil((bytes.length * 1_000) / rate), forward),
        release: (forward) => queue.release(forward),
        discard: () => queue.discard(),
      });
    }),
});
