import { z } from 'zod';
import { KEYS, type Key } from '../../core/ports.ts';
import { amount, digits, duration, flag, oneOrMany } from './values.ts';
import { expectationSchema } from './expectations.ts';
import type { MessageMatch } from '../../simulator/faults/message-match.ts';

const cardRef = z.string().min(1, 'a card id from the cards list');
const key = z.enum(KEYS as [Key, ...Key[]]);

/**
 * The step vocabulary: primitives that act on hardware as a person would, and macros that
 * expand into them. Every step is a map with one step name (a bare name for steps without
 * arguments); `faults` may sit beside it to break something just before the step runs.
 */
export const stepSchemas = {
  power_on: z.null().describe('switch the terminal on; it runs its self-test'),
  sign_in: z
    .object({ operator: digits(2, 2, 'operator number'), password: digits(1, 8, 'password') })
    .strict()
    .describe('macro: operator sign-in (and host sign-in on the first of the day)'),
  sign_out: z.null().describe('macro: operator sign-out from the menu'),
  sale: z
    .object({
      card: cardRef,
      entry: z.enum(['chip', 'swipe']).default('chip'),
      amount,
      pin: digits(4, 12, 'PIN').optional(),
    })
    .strict()
    .describe('macro: a sale from the menu — amount, card, PIN, receipts'),
  press: oneOrMany(key).describe('press keys on the terminal keypad'),
  type: z.string().regex(/^\d+$/, 'digits to type').describe('type digits on the terminal keypad'),
  swipe: z
    .union([cardRef.transform((card) => ({ card, bad: false })), z.object({ card: cardRef, bad: flag.default(false) }).strict()])
    .describe('swipe a card through the magnetic stripe reader'),
  insert: z
    .union([
      cardRef.transform((card) => ({ card, chip_dead: false })),
      z.object({ card: cardRef, chip_dead: flag.default(false) }).strict(),
    ])
    .describe('insert a card into the chip reader'),
  remove_card: z.null().describe('pull the card out of the reader'),
  pin: digits(4, 12, 'PIN').describe('the cardholder types a PIN on the PIN pad and presses ENTER'),
  pin_cancel: z.null().describe('the cardholder presses CANCEL on the PIN pad'),
  wait: duration.describe('let virtual time pass'),
  fault: z.record(z.string(), z.unknown()).describe('apply a fault: { name: { params…, for: duration } }'),
  heal: z.string().describe('heal an active fault by name'),
  expect: expectationSchema.describe('check what can be observed now'),
} as const;

export type StepName = keyof typeof stepSchemas;
export const STEP_NAMES = Object.keys(stepSchemas) as StepName[];
export type StepArgs<N extends StepName> = z.output<(typeof stepSchemas)[N]>;

/** A fault as a step asks for it: what, with which parameters, and when it starts and stops. */
export interface FaultRequest {
  readonly name: string;
  readonly params: unknown;
  /** Heals itself this long after it starts. */
  readonly forMs?: number;
  /** Starts this long after its step begins (or after `onMessage` matched). */
  readonly afterMs?: number;
  /** Waits for a message like this to enter the link, then starts. */
  readonly onMessage?: MessageMatch;
  readonly line: number;
}

export type Step = {
  [N in StepName]: { readonly name: N; readonly args: StepArgs<N>; readonly line: number; readonly faults: readonly FaultRequest[] };
}[StepName];
