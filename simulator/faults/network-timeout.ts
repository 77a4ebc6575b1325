import { z } from 'zod';
import type { Timer } from '../../platform/clock.ts';
import { defineFault } from './fault.ts';
import { onEachDirection } from './link-directions.ts';
import { direction, duration } from './params.ts';

/**
 * A black hole: the connection stays up but nothing comes out of it. With `close_after` the
 * far side finally gives up and the connection resets, as a proxy's timeout toxic does.
 */
export const networkTimeout = defineFault({
  name: 'network.timeout',
  summary: 'Data stops but the connection stays up (a black hole): the terminal must time out on its own.',
  example: '- fault: { network.timeout: { direction: to-terminal, for: 90s } }',
  params: z
    .object({ close_after: duration.optional().describe('reset the connection this long after the fault starts'), direction: direction.default('both') })
    .strict(),
  apply: ({ network, clock }, { close_after, direction: which }) => {
    const swallow = onEachDirection(which, (dir) =>
      network.addStage(dir, {
        push: (bytes) => network.note('blackholed', { direction: dir, bytes: bytes.length }),
        release: () => {},
        discard: () => 0,
      }),
    );
    let timer: Timer | undefined;
    if (close_after !== undefined) timer = clock.setTimeout(() => network.reset(), close_after);
    return () => {
      if (timer) clock.clearTimeout(timer);
      swallow();
    };
  },
});
