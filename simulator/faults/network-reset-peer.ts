import { z } from 'zod';
import { defineFault } from './fault.ts';
import { duration } from './params.ts';

/** Connection reset by peer: whatever is in flight is lost and the terminal sees the link drop and return. */
export const networkResetPeer = defineFault({
  name: 'network.reset_peer',
  summary: 'The connection is reset: data in flight is lost, the link goes down and comes back after reconnect_after.',
  example: '- fault: { network.reset_peer: { reconnect_after: 2s, on_message: { mti: "0200" } } }',
  params: z.object({ reconnect_after: duration.optional() }).strict(),
  apply: ({ network }, { reconnect_after = 0 }) => {
    network.reset(reconnect_after);
    return () => {};
  },
});
