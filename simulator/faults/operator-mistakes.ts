import { z } from 'zod';
import { defineFault } from './fault.ts';
import { amount, count } from './params.ts';

/**
 * The cashier's slips. They act through the console: each alters what the next macro of its
 * kind types (the password in `sign_in`, the amount or the menu key in `sale`), so a scenario
 * reads "the operator will mistype the next password" and then carries on as written.
 */
export const operatorWrongPassword = defineFault({
  name: 'operator.wrong_password',
  summary: 'The operator mistypes the password: the terminal must refuse, count the try, and lock after too many.',
  example: '- fault: { operator.wrong_password: { times: 3 } }',
  params: z
    .object({ typed: z.string().regex(/^\d{1,8}$/, 'the digits typed instead').optional(), times: count.default(1) })
    .strict(),
  apply: ({ mishaps }, { typed, times }) =>
    mishaps.add({ kind: 'password', typed: (intended) => typed ?? mistype(intended) }, times),
});

export const operatorWrongAmount = defineFault({
  name: 'operator.wrong_amount',
  summary: 'The operator keys the wrong amount (by default one zero too many): the cardholder sees it before the PIN.',
  example: '- fault: { operator.wrong_amount: { amount: 1285.00 } }',
  params: z.object({ amount: amount.optional() }).strict(),
  apply: ({ mishaps }, { amount: keyed }) => mishaps.add({ kind: 'amount', keyed: (intended) => keyed ?? intended * 10 }),
});

export const operatorWrongMenu = defineFault({
  name: 'operator.wrong_menu',
  summary: 'The operator opens the wrong menu item first, then backs out: nothing may be sent or changed by it.',
  example: '- fault: { operator.wrong_menu: { key: "2" } }',
  params: z.object({ key: z.string().regex(/^\d$/, 'a menu key 0–9').default('2') }).strict(),
  apply: ({ mishaps }, { key }) => mishaps.add({ kind: 'menu', key }),
});

/** The last digit one off, the commonest slip on a keypad. */
function mistype(password: string): string {
  const last = Number(password.at(-1) ?? '0');
  return `${password.slice(0, -1)}${(last + 1) % 10}`;
}
