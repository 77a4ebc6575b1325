import { z } from 'zod';
import type { Timer } from '../../platform/clock.ts';
import { defineFault } from './fault.ts';
import { duration } from './params.ts';

/** A weak mobile signal: the carrier comes and goes, `down` then `up`, over and over until healed. */
export const networkFlap = defineFault({
  name: 'network.flap',
  summary: 'The signal comes and goes (down, up, down…): every exchange must either complete or be cleanly recovered.',
  example: '- fault: { network.flap: { down: 5s, up: 20s, for: 3m } }',
  params: z.object({ down: duration, up: duration }).strict(),
  apply: ({ network, clock }, { down, up }) => {
    let mend: (() => void) | undefined;
    let timer: Timer | undefined;
    const cut = () => {
      mend = network.cutCarrier();
      timer = clock.setTimeout(restore, down);
    };
    const restore = () => {
      mend?.();
      mend = undefined;
      timer = clock.setTimeout(cut, up);
    };
    cut();
    return () => {
      if (timer) clock.clearTimeout(timer);
      mend?.();
    };
  },
});
