import { z } from 'zod';
import { defineFault } from './fault.ts';

/**
 * The carrier fades (a shop in a basement, a lift shaft, a cell under load): the modem's
 * meter drops to `bars`. The connection itself stays up — at 0 bars it is the terminal that
 * must refuse to start an online transaction it could not finish. Healing restores the meter.
 */
export const networkWeakSignal = defineFault({
  name: 'network.weak_signal',
  summary: 'The modem reports a weak carrier (0–4 bars): at 0 the terminal must refuse online transactions with a clear message.',
  example: '- fault: { network.weak_signal: { bars: 0 } }',
  params: z
    .object({
      bars: z.coerce.number().int().min(0, 'bars: 0 to 4').max(4, 'bars: 0 to 4'),
    })
    .strict(),
  apply: ({ network }, { bars }) => {
    const before = network.signal();
    network.setSignal(bars);
    return () => network.setSignal(before);
  },
});
