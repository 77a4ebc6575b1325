import { z } from 'zod';
import { KEYS, type Key } from '../../core/ports.ts';
import { amount, digits, duration, flag, oneOrMany } from './values.ts';
import { expectationSchema } from './expectations.ts';
import type { MessageMatch } from '../../simulator/faults/message-match.ts';

const cardRef = z.string().min(1, 'a card id from the cards list');
const key = z.enum(KEYS as [Key, ...Key[]]);
const entry = z.enum(['chip', 'swipe', 'tap']).default('chip');
const pin = digits(4, 12, 'PIN');
const trace = digits(1, 6, 'trace number');
const operator = digits(2, 2, 'operator number');
const supervisor = digits(1, 8, 'supervisor password').optional();

/** Steps of the daily flows beyond the sale (harness/runner/flow-macros.ts). */
const flowStepSchemas = {
  power_off: z
    .union([
      z.null(),
      z.object({ when_sent: z.string().regex(/^\d{4}$/, 'an MTI such as 0200') }).strict(),
      z.object({ when_screen: z.string().min(1) }).strict(),
    ])
    .describe('cut the power now, or arm it: the moment a request (MTI) leaves for the host, or a screen shows a text'),
  void: z
    .object({ trace, card: cardRef, entry, supervisor })
    .strict()
    .describe('macro: void a sale of the open batch by trace number, with the supervisor password and the same card'),
  refund: z
    .object({
      card: cardRef,
      entry,
      amount,
      original: trace.optional(),
      ref: digits(12, 12, 'reference number').optional(),
      date: digits(4, 4, 'date MMDD').optional(),
      supervisor,
    })
    .strict()
    .refine((r) => r.original !== undefined || (r.ref !== undefined && r.date !== undefined), 'give `original` (a trace) or `ref` and `date`')
    .describe('macro: refund an earlier sale named by reference number and date (read off the slip of trace `original`)'),
  balance: z.object({ card: cardRef, entry, pin }).strict().describe('macro: balance inquiry — card, PIN, balance on screen'),
  preauth: z.object({ card: cardRef, entry, amount, pin }).strict().describe('macro: pre-authorisation — amount, card, PIN, slips'),
  completion: z
    .object({
      card: cardRef,
      entry,
      amount,
      pin,
      auth: digits(6, 6, 'authorisation number').optional(),
      preauth: trace.optional(),
      date: digits(4, 4, 'date MMDD').optional(),
    })
    .strict()
    .refine((c) => c.auth !== undefined || c.preauth !== undefined, 'give `auth` or `preauth` (its trace)')
    .describe('macro: pre-auth completion by authorisation number (read off the slip of trace `preauth`)'),
  reprint: z
    .union([z.literal('last'), z.object({ trace }).strict()])
    .describe('macro: reprint the last slip or one by trace number'),
  settle: z.null().describe('macro: settlement from the menu (batch upload when the host disagrees)'),
  add_operator: z
    .object({ operator, password: digits(4, 8, 'password') })
    .strict()
    .describe('macro (supervisor menu): add a cashier'),
  remove_operator: z.object({ operator }).strict().describe('macro (supervisor menu): remove a cashier'),
  change_password: z
    .object({ operator, password: digits(4, 8, 'password') })
    .strict()
    .describe("macro (supervisor menu): set an operator's password"),
  unlock_operator: z.object({ operator }).strict().describe('macro (supervisor menu): reset a locked operator'),
  host_sign_out: z.null().describe('macro (supervisor menu): sign the terminal out of the host (0820)'),
  set_response_timeout: z
    .object({ seconds: digits(1, 3, 'seconds') })
    .strict()
    .describe('macro (administrator menu): host response timeout, 10–120 s'),
  unlock_supervisor: z.null().describe('macro (administrator menu): reset a locked supervisor'),
  echo_test: z.null().describe('macro (administrator menu): echo test (0820, 60.3 = 301); the screen says HOST OK or why not'),
  set_password_age: z
    .object({ days: digits(1, 3, 'days') })
    .strict()
    .describe('macro (administrator menu): days a password lasts before sign-in forces a new one, 1–365'),
  set_floor_limit: z
    .object({ yuan: digits(1, 4, 'whole yuan') })
    .strict()
    .describe('macro (administrator menu): the floor limit for offline chip sales in whole yuan, 0 (none) to 9999; 100 from the factory'),
} as const;

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
      entry,
      amount,
      pin: digits(4, 12, 'PIN').optional(),
    })
    .strict()
    .describe('macro: a sale from the menu — amount, card, PIN, receipts'),
  ...flowStepSchemas,
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
