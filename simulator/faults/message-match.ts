import { z } from 'zod';
import { amountOf, type FrameView } from '../network/link-message.ts';
import { amount, exactOrPattern, mti, oneOrMany } from './params.ts';

/**
 * Which messages a conditional fault (or an `on_message` trigger) acts on, decided on the
 * decoded, masked view of a frame: every condition given must hold. Field values are compared
 * as the timeline prints them (PAN masked), so a scenario never needs a clear PAN.
 */
export const messageMatch = z
  .object({
    mti: oneOrMany(mti).optional().describe('one MTI or a list, e.g. "0210" or ["0200", "0400"]'),
    direction: z.enum(['to-host', 'to-terminal']).optional(),
    field: z
      .record(z.string().regex(/^\d{1,3}$/, 'a field number such as 39'), exactOrPattern)
      .optional()
      .describe('field values, exact or /regex/, e.g. { "39": "00" }'),
    amount_gt: amount.optional(),
    amount_gte: amount.optional(),
    amount_lt: amount.optional(),
    amount_lte: amount.optional(),
    amount_eq: amount.optional(),
  })
  .strict();

export type MessageMatch = z.output<typeof messageMatch>;

const AMOUNT_TESTS = {
  amount_gt: (a: number, b: number) => a > b,
  amount_gte: (a: number, b: number) => a >= b,
  amount_lt: (a: number, b: number) => a < b,
  amount_lte: (a: number, b: number) => a <= b,
  amount_eq: (a: number, b: number) => a === b,
} as const;

export function matchesMessage(match: MessageMatch | undefined, view: FrameView): boolean {
  if (!match) return true;
  if (match.mti && !match.mti.includes(view.mti)) return false;
  if (match.direction && match.direction !== view.direction) return false;
  for (const [field, wanted] of Object.entries(match.field ?? {})) {
    const value = view.fields[field];
    if (value === undefined || !wanted.test(value)) return false;
  }
  const minor = amountOf(view);
  for (const [key, test] of Object.entries(AMOUNT_TESTS) as [keyof typeof AMOUNT_TESTS, (a: number, b: number) => boolean][]) {
    const limit = match[key];
    if (limit !== undefined && (minor === undefined || !test(minor, limit))) return false;
  }
  return true;
}

/** A short account of a match for the timeline: `0210 amount>100000`. */
export function describeMatch(match: MessageMatch | undefined): string {
  if (!match) return 'any message';
  const parts = [
    ...(match.mti ?? []),
    ...(match.direction ? [match.direction] : []),
    ...Object.entries(match.field ?? {}).map(([field, value]) => `${field}=${value.source}`),
    ...(['amount_gt', 'amount_gte', 'amount_lt', 'amount_lte', 'amount_eq'] as const)
      .filter((key) => match[key] !== undefined)
      .map((key) => `${key}=${match[key]}`),
  ];
  return parts.join(' ') || 'any message';
}
