import { z } from 'zod';
import { defineFault } from './fault.ts';
import { count } from './params.ts';

/**
 * The next card presented does not read: a swipe too fast or a worn stripe gives a bad swipe,
 * a dead chip fails to answer. Acts through the cardholder: the next `times` presentations of
 * that kind (in a `sale` macro or a `swipe`/`insert` step) fail.
 */
export const cardUnreadable = defineFault({
  name: 'card.unreadable',
  summary: 'The card does not read (bad swipe, dead chip): the terminal must ask again or fall back to the stripe.',
  example: '- fault: { card.unreadable: { entry: chip } }',
  params: z.object({ entry: z.enum(['swipe', 'chip', 'any']).default('any'), times: count.default(1) }).strict(),
  apply: ({ mishaps }, { entry, times }) => mishaps.add({ kind: 'card-unreadable', entry }, times),
});
