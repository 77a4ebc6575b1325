import { z } from 'zod';
import { defineFault } from './fault.ts';
import { frameSelector } from './frame-selector.ts';
import { messageMatch } from './message-match.ts';
import { direction, probability } from './params.ts';

const PARTS_PER_MILLION = 1_000_000;

/**
 * Line noise that the carrier's framing survives: bits flip inside message bodies at `rate`
 * per byte (the 2-byte length stays intact). The receiver must reject what fails to unpack or
 * to verify its MAC, never act on it.
 */
export const networkCorrupt = defineFault({
  name: 'network.corrupt',
  summary: 'Bits flip inside messages: a corrupted request or answer must be rejected (format error, MAC failure), never acted on.',
  example: '- fault: { network.corrupt: { rate: 0.02, when: { mti: "0210" } } }',
  params: z
    .object({
      rate: probability.default(0.01).describe('chance that any one byte has a bit flipped'),
      direction: direction.default('both'),
      when: messageMatch.optional(),
      count: z.coerce.number().int().positive().optional(),
    })
    .strict(),
  apply: ({ network, random }, { rate, direction: which, when, count }) => {
    const picks = frameSelector(when, count);
    return network.addFrameRule((copy, view) => {
      if ((which !== 'both' && view.direction !== which) || !picks(view)) return [copy];
      const bytes = copy.bytes.slice();
      let flipped = 0;
      for (let i = 0; i < bytes.length; i++) {
        if (random.int(0, PARTS_PER_MILLION - 1) < rate * PARTS_PER_MILLION) {
          bytes[i]! ^= 1 << random.int(0, 7);
          flipped += 1;
        }
      }
      if (flipped > 0) network.note('corrupted', { direction: view.direction, mti: view.mti, bits: flipped });
      return [{ ...copy, bytes }];
    });
  },
});
