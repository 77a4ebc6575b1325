import { z } from 'zod';
import { defineFault } from './fault.ts';
import { onEachDirection } from './link-directions.ts';
import { count, direction } from './params.ts';

/**
 * The connection is closed after `bytes` bytes have crossed it in that direction, mid-message
 * if need be; the terminal redials and the next connection gets the same allowance. Towards
 * the terminal this tests that it starts its framing afresh after the link drops. With `count`,
 * only that many connections are cut; later ones carry everything.
 */
export const networkLimitData = defineFault({
  name: 'network.limit_data',
  summary: 'The connection closes after N bytes, cutting a message in half: nothing half-received may be acted on.',
  example: '- fault: { network.limit_data: { bytes: 100 } }',
  params: z.object({ bytes: count, direction: direction.default('to-host'), count: count.optional() }).strict(),
  apply: ({ network }, { bytes: limit, direction: which, count: connections }) =>
    onEachDirection(which, (dir) => {
      let crossed = 0;
      let cuts = 0;
      return network.addStage(dir, {
        push: (bytes, forward) => {
          if (connections !== undefined && cuts >= connections) return forward(bytes);
          const allowed = Math.max(0, limit - crossed);
          crossed += bytes.length;
          if (bytes.length <= allowed) return forward(bytes);
          if (allowed > 0) forward(bytes.subarray(0, allowed));
          cuts += 1;
          network.note('limit-reached', { direction: dir, bytes: limit });
          network.reset();
        },
        release: () => {},
        discard: () => {
          crossed = 0;
          return 0;
        },
      });
    }),
});
