import { z } from 'zod';
import type { Timer } from '../../platform/clock.ts';
import { defineFault } from './fault.ts';
import { duration } from './params.ts';

/**
 * The acquirer's process dies: connections drop and nobody answers for `down_for`; then a new
 * process starts on the same database. Anything it booked before the crash must still be there,
 * and the terminal must find its way back (redial, repeat or reverse).
 */
export const hostCrashRestart = defineFault({
  name: 'host.crash_restart',
  summary: 'The host process crashes and restarts on its database: nothing booked is lost, the terminal reconnects.',
  example: '- fault: { host.crash_restart: { down_for: 10s, on_message: { mti: "0200" } } }',
  params: z.object({ down_for: duration.optional() }).strict(),
  apply: ({ network, host, clock }, { down_for = 0 }) => {
    const accept = network.refuseHost();
    let timer: Timer | undefined;
    const restart = () => {
      timer = undefined;
      host.restart();
      accept();
    };
    timer = clock.setTimeout(restart, down_for);
    return () => {
      if (timer === undefined) return;
      clock.clearTimeout(timer);
      restart();
    };
  },
});
