import { z } from 'zod';
import { defineFault } from './fault.ts';
import { count } from './params.ts';

/** The cardholder changes their mind and presses CANCEL on the PIN pad instead of entering the PIN. */
export const pinpadCancel = defineFault({
  name: 'pinpad.cancel',
  summary: 'The cardholder presses CANCEL at the PIN prompt: the sale must stop, nothing sent, nothing charged.',
  example: '- fault: { pinpad.cancel: {} }',
  params: z.object({ times: count.default(1) }).strict(),
  apply: ({ mishaps }, { times }) => mishaps.add({ kind: 'pin-cancel' }, times),
});
