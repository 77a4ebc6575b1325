import { z } from 'zod';
import { defineFault } from './fault.ts';
import { count } from './params.ts';

/**
 * Requests reach the host, answers never come back: the worst case for money, because the
 * host may have approved a sale the terminal never hears about.
 */
export const networkDropResponses = defineFault({
  name: 'network.drop_responses',
  summary: 'Requests reach the host but its answers are lost: the terminal times out and must reverse.',
  example: '- fault: { network.drop_responses: { count: 1 } }',
  params: z.object({ count: count.optional() }).strict(),
  apply: ({ network }, { count: limit }) => {
    let dropped = 0;
    return network.addFrameRule((copy, view) => {
      if (view.direction !== 'to-terminal' || (limit !== undefined && dropped >= limit)) return [copy];
      dropped += 1;
      return [];
    });
  },
});
