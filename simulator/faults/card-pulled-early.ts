import { z } from 'zod';
import { defineFault } from './fault.ts';

const FINANCIAL_REQUESTS = new Set(['0100', '0200', '0220']);

/**
 * The cardholder pulls the card out before the terminal is done with it: while the PIN pad
 * asks for the PIN (`at: pin`, through the cardholder in the next sale), or as soon as the
 * request goes to the host (`at: online`), when a chip transaction still needs the card.
 */
export const cardPulledEarly = defineFault({
  name: 'card.pulled_early',
  summary: 'The card is pulled out mid-transaction: the terminal must stop or reverse, never complete a sale without it.',
  example: '- fault: { card.pulled_early: { at: online } }',
  params: z.object({ at: z.enum(['pin', 'online']).default('online') }).strict(),
  apply: ({ mishaps, network, reader }, { at }) => {
    if (at === 'pin') return mishaps.add({ kind: 'card-pulled-at-pin' });
    const stop = network.onMessage((message) => {
      if (message.direction !== 'to-host' || !FINANCIAL_REQUESTS.has(message.mti) || !reader.cardPresent) return;
      stop();
      reader.remove();
    });
    return stop;
  },
});
