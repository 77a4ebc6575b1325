import { z } from 'zod';
import { amount, digits, flag } from './values.ts';
import { budgetsSchema } from './budgets.ts';
import type { Expectation } from './expectations.ts';
import type { Step } from './steps.ts';

export const cardSchema = z
  .object({
    id: z.string().min(1),
    pan: digits(12, 19, 'PAN'),
    pin: digits(4, 12, 'PIN'),
    balance: amount,
    expiry: z.string().regex(/^\d{4}$/, 'expiry as YYMM').default('3012'),
    status: z.enum(['active', 'lost', 'stolen', 'restricted']).default('active'),
    product: z.enum(['debit', 'credit', 'quickpass']).default('debit'),
    chip: flag.default(true),
    /** An offline-capable chip: asked for a TC at or below the terminal's floor limit, it approves up to its own limit. */
    offline: flag.default(false),
    /** The card's own offline limit; 500.00 when absent. */
    offline_limit: amount.optional(),
  })
  .strict();
export type CardDefinition = z.output<typeof cardSchema>;

const operatorSchema = z.object({ code: digits(2, 2, 'operator number'), password: digits(1, 8, 'password') }).strict();

/** The scenario file's top level; `steps` and `then` are checked entry by entry afterwards. */
export const scenarioHeaderSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id such as NET-007'),
    title: z.string().min(1),
    suite: z.string().default('default'),
    tags: z.array(z.string()).default([]),
    requirements: z.array(z.string()).default([]),
    seed: z.string().regex(/^\d+$/, 'a whole number').transform(Number).optional(),
    terminal: z
      .object({
        model: z.string().default('countertop-basic'),
        id: z.string().length(8, 'terminal id: 8 characters').default('10000001'),
      })
      .strict()
      .default({ model: 'countertop-basic', id: '10000001' }),
    merchant: z
      .object({
        id: z.string().length(15, 'merchant id: 15 characters').default('898310048160001'),
        name: z.string().default('POSLAB DEMO SHOP'),
        mcc: digits(4, 4, 'MCC').default('5812'),
        region: digits(6, 6, 'region code (e.g. 310000 Shanghai)').default('310000'),
        /** When the acquirer pays the merchant; absent: the host's default (T+1, no payout fee). */
        settlement: z
          .object({ mode: z.enum(['T+0', 'T+1']).default('T+1'), payout_fee: amount.default(0) })
          .strict()
          .optional(),
      })
      .strict()
      .default({ id: '898310048160001', name: 'POSLAB DEMO SHOP', mcc: '5812', region: '310000' }),
    /** Absent: the terminal's factory list (cashiers 01–20 `0000`, supervisor 00 `123456`, administrator 99 `99999999`). */
    operators: z.array(operatorSchema).optional(),
    cards: z.array(cardSchema).default([]),
    steps: z.array(z.unknown()).min(1, 'a scenario needs at least one step'),
    then: z.array(z.unknown()).default([]),
    budgets: budgetsSchema.optional(),
  })
  .strict();

export type ScenarioHeader = z.output<typeof scenarioHeaderSchema>;

export interface LocatedExpectation {
  readonly expectation: Expectation;
  readonly line: number;
}

export interface Scenario extends Omit<ScenarioHeader, 'steps' | 'then'> {
  readonly file: string;
  readonly steps: readonly Step[];
  readonly then: readonly LocatedExpectation[];
}
