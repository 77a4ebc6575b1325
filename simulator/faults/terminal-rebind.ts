import { z } from 'zod';
import { defineFault } from './fault.ts';

/**
 * The terminal is re-programmed (套码, a jump-code device) to name another merchant — usually
 * one in a cheaper category — while it stays where it is and keeps its keys: every request
 * still carries a good MAC, so only the host's binding of terminal to merchant can catch it.
 * Healing programs the terminal's own merchant back.
 */
export const terminalRebind = defineFault({
  name: 'terminal.rebind',
  summary: "The terminal is re-programmed to send another merchant's id under a valid MAC: the host's binding rule must flag it.",
  example: '- fault: { terminal.rebind: { merchant: "898310054110001", mcc: "5411" } }',
  params: z
    .object({
      merchant: z.string().regex(/^[\x20-\x7e]{15}$/, 'a 15-character merchant id such as 898310054110001'),
      mcc: z.string().regex(/^\d{4}$/, 'a 4-digit merchant category such as 5411 (supermarket)'),
    })
    .strict(),
  apply: ({ terminal, network }, { merchant, mcc }) => {
    network.note('rebound', { merchant, mcc });
    return terminal.rebind(merchant, mcc);
  },
});
