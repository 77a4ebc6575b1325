import { z } from 'zod';
import { defineFault } from './fault.ts';
import { frameSelector } from './frame-selector.ts';
import { messageMatch } from './message-match.ts';
import { count } from './params.ts';

/** A retransmitting carrier delivers a frame twice: the host must not book a request twice. */
export const networkDuplicate = defineFault({
  name: 'network.duplicate',
  summary: 'A message is delivered twice: the host must answer the copy as a duplicate (94) and book it once.',
  example: '- fault: { network.duplicate: { when: { mti: "0200" }, count: 1 } }',
  params: z.object({ when: messageMatch.optional(), copies: count.default(2), count: count.optional() }).strict(),
  apply: ({ network }, { when, copies, count: limit }) => {
    const picks = frameSelector(when, limit);
    return network.addFrameRule((copy, view) => {
      if (!picks(view)) return [copy];
      network.note('duplicated', { direction: view.direction, mti: view.mti, copies });
      return Array.from({ length: copies }, () => copy);
    });
  },
});
