import { z } from 'zod';
import { defineFault } from './fault.ts';
import { frameSelector } from './frame-selector.ts';
import { messageMatch } from './message-match.ts';
import { count, duration } from './params.ts';

/**
 * Holds back exactly the messages that match, while others pass: a late answer that arrives
 * after the terminal gave up on it, or a reversal stuck in a queue somewhere.
 */
export const networkDelayMessage = defineFault({
  name: 'network.delay_message',
  summary: 'Only matching messages arrive late (e.g. the 0410 by 30s): late answers must not be mistaken for new ones.',
  example: '- fault: { network.delay_message: { when: { mti: "0410" }, by: 30s } }',
  params: z.object({ when: messageMatch, by: duration, count: count.optional() }).strict(),
  apply: ({ network }, { when, by, count: limit }) => {
    const picks = frameSelector(when, limit);
    return network.addFrameRule((copy, view) => {
      if (!picks(view)) return [copy];
      network.note('delayed', { mti: view.mti, ms: by });
      return [{ ...copy, delayMs: copy.delayMs + by }];
    });
  },
});
