import { z } from 'zod';
import { exactOrPattern, mti } from '../../simulator/faults/params.ts';
import { amount, count, digits, oneOrMany, textMatch } from './values.ts';

const fieldNumber = z.string().regex(/^\d{1,3}$/, 'a field number such as 39');
const stepNumber = z.string().regex(/^[1-9]\d*$/, 'a step number, counting from 1').transform(Number);
const linkDirection = z.enum(['to-host', 'to-terminal']);
const copy = z.union([z.literal('last'), count]).default('last');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD, or today');
/** Yuan that may be negative (a day whose refunds outweigh its sales nets below zero). */
const signedAmount = z
  .string()
  .regex(/^-?\d{1,10}(\.\d{1,2})?$/, 'an amount in yuan such as 197.00 or -12.50')
  .transform((text) => (text.startsWith('-') ? -amount.parse(text.slice(1)) : amount.parse(text)));

const statement = z
  .object({
    date: z.union([z.literal('today'), isoDate]).default('today'),
    merchant: z.string().length(15, 'merchant id: 15 characters').optional(),
    settlement: z.enum(['T+0', 'T+1']).optional(),
    payout_date: z.union([z.enum(['today', 'tomorrow']), isoDate]).optional(),
    sales: count.optional(),
    gross: amount.optional(),
    refunds: count.optional(),
    refunds_amount: amount.optional(),
    discount_fees: amount.optional(),
    payout_fee: amount.optional(),
    fees: amount.optional(),
    net: signedAmount.optional(),
  })
  .strict()
  .describe("a merchant's settlement statement for a business day (default today, the scenario's merchant): counts, amounts, fees, payout");

const difference = z
  .object({
    trace: digits(6, 6, 'trace number'),
    kind: z.enum(['not-uploaded', 'unknown-to-host', 'amount-differs']).optional(),
    action: z.enum(['reversed', 'settled', 'not-settled']).optional(),
    amount: amount.optional(),
  })
  .strict();

const reconciliation = z
  .object({ batch: digits(6, 6, 'batch number').optional(), differences: z.array(difference) })
  .strict()
  .describe("the host's reconciliation of the terminal's uploaded batches: exactly these differences, each named by trace");

const linkOrder = z
  .union([
    z.array(mti).transform((mtis) => ({ mtis, direction: 'to-host' as const, since_step: undefined })),
    z
      .object({ mtis: z.array(mti).min(1), since_step: stepNumber.optional(), direction: linkDirection.default('to-host') })
      .strict(),
  ])
  .describe('the MTIs sent in this order (only those MTIs counted), e.g. ["0400", "0200"]: reversal before the next sale');

/**
 * What a scenario can check. Each key is one check; an `expect` step or a `then` entry may
 * hold several. The names are the observation points: the screen a cashier reads, the paper
 * the printer gave, the host's books and alerts, a card's balance, the messages on the wire.
 */
const checks = z
  .object({
    screen: textMatch.describe('the terminal screen now: text (case-insensitive) or /regex/'),
    receipts: z
      .object({ count: count.optional() })
      .strict()
      .describe('how many receipts the printer cut'),
    receipt: z
      .object({
        copy,
        contains: oneOrMany(textMatch).optional(),
        not_contains: oneOrMany(textMatch).optional(),
      })
      .strict()
      .describe('the text of one receipt (1-based, or last)'),
    'receipt.image': z
      .object({
        copy,
        golden: z.string().regex(/\.png$/, 'a PNG file, relative to the scenario file'),
        max_diff_pixels: count.default(0),
      })
      .strict()
      .describe('one receipt as printed, pixel for pixel against a golden PNG (--update-goldens writes it)'),
    'host.journal': z
      .object({ approved: count.optional(), declined: count.optional(), reversed: count.optional(), total: count.optional() })
      .strict()
      .describe('transactions booked by the acquirer host'),
    'host.reversed': z
      .object({ count, reason: z.string().regex(/^[0-9A-Z]{2}$/, 'a reversal reason code such as 98').optional() })
      .strict()
      .describe('journal rows the host has reversed (optionally for one reason, e.g. 98 no answer)'),
    'host.alerts': z
      .object({ rule: z.string().optional(), count })
      .strict()
      .describe('risk alerts the host raised (optionally of one rule)'),
    'host.statement': statement,
    'host.reconciliation': reconciliation,
    'card.balance': z.object({ card: z.string(), equals: amount }).strict().describe('a test card balance on the issuer'),
    'link.messages': z
      .object({ mti, count, direction: linkDirection.optional() })
      .strict()
      .describe('ISO 8583 messages that crossed the network link'),
    'link.order': linkOrder,
    'link.message': z
      .object({
        mti,
        direction: linkDirection.optional(),
        nth: z.union([z.literal('first'), z.literal('last'), count]).default('last'),
        since_step: stepNumber.optional(),
        field: z.record(fieldNumber, exactOrPattern).optional(),
        absent: z.array(fieldNumber).optional(),
      })
      .strict()
      .describe('field values of one message on the link, as the timeline shows them (PAN masked)'),
  })
  .partial()
  .strict();

export const expectationSchema = checks.refine((value) => Object.keys(value).length > 0, {
  message: 'an expectation needs at least one check',
  // An unknown check name is reported as such, not also as "no checks".
  when: (payload) => payload.issues.length === 0,
});

export type Expectation = z.output<typeof expectationSchema>;
export type ExpectationName = keyof Expectation;
export const EXPECTATION_NAMES = Object.keys(checks.shape) as ExpectationName[];
