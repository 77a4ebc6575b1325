import type { TerminalContext } from '../terminal-context.ts';
import { readyForBusiness } from '../business-gate.ts';
import { readAmount } from '../keyed-entry.ts';
import { runCardTransaction } from '../card-transaction.ts';
import { screens } from '../screens.ts';

/** A sale (消费): amount, card, PIN on the pad, authorisation, two slips. */
export async function sale(ctx: TerminalContext, operator: string): Promise<void> {
  if (!(await readyForBusiness(ctx, operator))) return;
  const amountMinor = await readAmount(ctx, (minor) => ctx.show(screens.amount('SALE', minor)));
  if (amountMinor === undefined) return;
  await runCardTransaction(ctx, operator, { kind: 'sale', title: 'SALE', amountMinor, pin: true, transactionType: '00' });
}

/** A pre-authorisation (预授权): funds are held, not taken; a completion takes them later. */
export async function preAuthorisation(ctx: TerminalContext, operator: string): Promise<void> {
  if (!(await readyForBusiness(ctx, operator))) return;
  const amountMinor = await readAmount(ctx, (minor) => ctx.show(screens.amount('PRE-AUTH', minor)));
  if (amountMinor === undefined) return;
  await runCardTransaction(ctx, operator, { kind: 'preauth', title: 'PRE-AUTH', amountMinor, pin: true, transactionType: '03' });
}
