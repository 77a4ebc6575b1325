import { z } from 'zod';
import { rewriteFrame } from '../network/frame-rewrite.ts';
import { defineFault } from './fault.ts';
import { frameSelector } from './frame-selector.ts';
import { messageMatch } from './message-match.ts';
import { count } from './params.ts';

/**
 * Someone (or something) on the path changes fields of a message; the MAC is left as it was,
 * so a receiver that checks MACs must refuse it. Turns an answer's "00" into "05", an amount
 * into another: the check that the MAC protects what it should.
 */
export const networkTamper = defineFault({
  name: 'network.tamper',
  summary: 'Fields of a message are changed on the way (MAC untouched): the receiver must detect it by the MAC.',
  example: '- fault: { network.tamper: { when: { mti: "0210" }, set: { "39": "05" } } }',
  params: z
    .object({
      when: messageMatch,
      set: z.record(z.string().regex(/^\d{1,3}$/, 'a field number such as 39'), z.string()).describe('new field values'),
      count: count.optional(),
    })
    .strict(),
  apply: ({ network }, { when, set, count: limit }) => {
    const picks = frameSelector(when, limit);
    return network.addFrameRule((copy, view) => {
      if (!picks(view)) return [copy];
      network.note('tampered', { mti: view.mti, fields: Object.keys(set).join(',') });
      const bytes = rewriteFrame(network.dialect, copy.bytes, (fields) => {
        for (const [field, value] of Object.entries(set)) fields[Number(field)] = value;
      });
      return [{ ...copy, bytes }];
    });
  },
});
