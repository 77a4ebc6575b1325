import { z } from 'zod';
import { defineFault } from './fault.ts';

/** The acquirer's front end refuses connections: the terminal has a carrier but no host to talk to. */
export const hostDown = defineFault({
  name: 'host.down',
  summary: 'The host refuses connections: the terminal must report it, charge nothing, and recover when the host is back.',
  example: '- fault: { host.down: { for: 2m } }',
  params: z.object({}).strict(),
  apply: ({ network }) => network.refuseHost(),
});
