import { z } from 'zod';
import { amount, count, oneOrMany, textMatch } from './values.ts';

/**
 * What a scenario can check. Each key is one check; an `expect` step or a `then` entry may
 * hold several. The names are the observation points: the screen a cashier reads, the paper
 * the printer gave, the host's books, a card's balance, the messages on the wire.
 */
export const expectationSchema = z
  .object({
    screen: textMatch.describe('the terminal screen now: text (case-insensitive) or /regex/'),
    receipts: z
      .object({ count: count.optional() })
      .strict()
      .describe('how many receipts the printer cut'),
    receipt: z
      .object({
        copy: z.union([z.literal('last'), count]).default('last'),
        contains: oneOrMany(textMatch).optional(),
        not_contains: oneOrMany(textMatch).optional(),
      })
      .strict()
      .describe('the text of one receipt (1-based, or last)'),
    'host.journal': z
      .object({ approved: count.optional(), declined: count.optional(), total: count.optional() })
      .strict()
      .describe('transactions booked by the acquirer host'),
    'card.balance': z.object({ card: z.string(), equals: amount }).strict().describe('a test card balance on the issuer'),
    'link.messages': z
      .object({ mti: z.string().regex(/^\d{4}$/, 'an MTI such as 0200'), count: count })
      .strict()
      .describe('ISO 8583 messages that crossed the network link'),
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'an expectation needs at least one check');

export type Expectation = z.output<typeof expectationSchema>;
export type ExpectationName = keyof Expectation;
