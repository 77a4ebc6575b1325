import { z } from 'zod';
import { defineFault } from './fault.ts';

/**
 * The terminal is carried somewhere else (移机): its modem now reports another region and cell
 * in field 59. The host's risk rules should notice a terminal far from its merchant's address.
 * Healing moves it back.
 */
export const terminalMoveTo = defineFault({
  name: 'terminal.move_to',
  summary: 'The terminal is moved to another region (jump code): the host must flag or refuse it by its location.',
  example: '- fault: { terminal.move_to: { region: "110000" } }',
  params: z
    .object({
      region: z.string().regex(/^\d{6}$/, 'a 6-digit region code such as 110000 (Beijing)'),
      cell: z.string().regex(/^[A-Za-z0-9]{1,8}$/, 'a cell id such as B7').optional(),
    })
    .strict(),
  apply: ({ network }, { region, cell }) => {
    const home = /^region=(\d+);cell=(\w+)$/.exec(network.location());
    network.moveTo(region, cell);
    return () => network.moveTo(home?.[1] ?? region, home?.[2]);
  },
});
