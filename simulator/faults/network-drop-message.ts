import { z } from 'zod';
import { defineFault } from './fault.ts';
import { frameSelector } from './frame-selector.ts';
import { describeMatch, messageMatch } from './message-match.ts';
import { count } from './params.ts';

/** Loses exactly the messages that match, e.g. only the approval of a large sale. */
export const networkDropMessage = defineFault({
  name: 'network.drop_message',
  summary: 'Only matching messages are lost (e.g. the 0210 of a sale over 1000.00): the terminal must recover that one.',
  example: '- fault: { network.drop_message: { when: { mti: "0210", amount_gt: 1000.00 } } }',
  params: z.object({ when: messageMatch, count: count.optional() }).strict(),
  apply: ({ network }, { when, count: limit }) => {
    const picks = frameSelector(when, limit);
    return network.addFrameRule((copy, view) => {
      if (!picks(view)) return [copy];
      network.note('dropped-by-rule', { mti: view.mti, rule: describeMatch(when) });
      return [];
    });
  },
});
