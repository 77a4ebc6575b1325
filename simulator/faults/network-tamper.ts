import { z } from 'zod';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import type { Dialect, FieldValue } from '../../protocol/iso8583/types.ts';
import { rewriteFrame } from '../network/frame-rewrite.ts';
import { defineFault } from './fault.ts';
import { frameSelector } from './frame-selector.ts';
import { messageMatch } from './message-match.ts';
import { count } from './params.ts';

const HEX = /^(?:[0-9A-Fa-f]{2})+$/;

const binary = (dialect: Dialect, field: number) => dialect.fields.get(field)?.format === 'b';

/** A field's new value as the codec takes it: bytes for a binary field (written in hex), text otherwise. */
function fieldValue(dialect: Dialect, field: number, text: string): FieldValue {
  return binary(dialect, field) ? Uint8Array.from(Buffer.from(text, 'hex')) : text;
}

/**
 * Someone (or something) on the path changes fields of a message; the MAC is left as it was,
 * so a receiver that checks MACs must refuse it. Turns an answer's "00" into "05", an amount
 * into another, a sign-in answer's key data (field 62, binary, so written in hex) into other
 * keys: the check that the MAC and the key check values protect what they should.
 */
export const networkTamper = defineFault({
  name: 'network.tamper',
  summary: 'Fields of a message are changed on the way (MAC untouched): the receiver must detect it by the MAC.',
  example: '- fault: { network.tamper: { when: { mti: "0210" }, set: { "39": "05" } } }',
  params: z
    .object({
      when: messageMatch,
      set: z
        .record(z.string().regex(/^\d{1,3}$/, 'a field number such as 39'), z.string())
        .superRefine((set, ctx) => {
          for (const [field, value] of Object.entries(set)) {
            if (binary(cupPos, Number(field)) && !HEX.test(value)) {
              ctx.addIssue({ code: 'custom', path: [field], message: `field ${field} is binary: write its bytes in hex, two digits a byte, such as 00A1FF` });
            }
          }
        })
        .describe('new field values; binary fields (52, 55, 62, 64…) in hex'),
      count: count.optional(),
    })
    .strict(),
  apply: ({ network }, { when, set, count: limit }) => {
    const picks = frameSelector(when, limit);
    const values = Object.entries(set).map(([field, text]) => [Number(field), fieldValue(network.dialect, Number(field), text)] as const);
    return network.addFrameRule((copy, view) => {
      if (!picks(view)) return [copy];
      network.note('tampered', { mti: view.mti, fields: Object.keys(set).join(',') });
      const bytes = rewriteFrame(network.dialect, copy.bytes, (fields) => {
        for (const [field, value] of values) fields[field] = value;
      });
      return [{ ...copy, bytes }];
    });
  },
});
