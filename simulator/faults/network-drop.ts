import { z } from 'zod';
import { defineFault } from './fault.ts';

/** The cable is pulled or the carrier lost: nothing gets through either way. */
export const networkDrop = defineFault({
  name: 'network.drop',
  summary: 'The network cable is out: the terminal cannot reach the host and must say so without charging the card.',
  example: '- fault: { network.drop: { for: 30s } }',
  params: z.object({}).strict(),
  apply: ({ network }) => network.cutCarrier(),
});
